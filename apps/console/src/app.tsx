import { HashRouter, Navigate, Route, Routes, useLocation } from 'react-router';
import { Shell } from './layout/shell';
import { AccountPage } from './pages/account-page';
import { OPS_ROUTES } from './ops-routes';
import { InvitePage } from './pages/invite-page';
import { KeysPage } from './pages/keys-page';
import { NotFoundPage } from './pages/not-found-page';
import { OverviewPage } from './pages/overview-page';
import { PlaygroundPage } from './pages/playground-page';
import { SignInPage } from './pages/sign-in-page';
import { UsagePage } from './pages/usage-page';
import { SessionProvider, useSessionContext } from './session/session-context';

/** Signed-in routes; a signed-out viewer is sent to sign-in, remembering where they were going. */
function SignedIn() {
  const { state } = useSessionContext();
  const location = useLocation();
  if (state.status === 'loading') {
    return (
      <p role="status" className="state state-loading">
        Loading your session…
      </p>
    );
  }
  if (state.status === 'signed-out') {
    const next = location.pathname === '/' ? '' : `?next=${encodeURIComponent(location.pathname + location.search)}`;
    return <Navigate to={`/sign-in${next}`} replace />;
  }
  return <Shell />;
}

/**
 * Hash routing (`/#/keys`): console paths never meet the API's (`/v1/…`, `/admin/…`, `/auth/…`), and
 * the gateway serves the one page at `/`.
 */
export function App() {
  return (
    <SessionProvider>
      <HashRouter>
        <Routes>
          <Route path="/sign-in" element={<SignInPage />} />
          <Route path="/invite/:token" element={<InvitePage />} />
          <Route element={<SignedIn />}>
            <Route index element={<OverviewPage />} />
            <Route path="/keys" element={<KeysPage />} />
            <Route path="/usage" element={<UsagePage />} />
            <Route path="/playground" element={<PlaygroundPage />} />
            <Route path="/account" element={<AccountPage />} />
            {OPS_ROUTES}
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </HashRouter>
    </SessionProvider>
  );
}
