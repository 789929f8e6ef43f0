import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { api, dataOf, errorCode, errorMessage } from '../api/client';
import type { Session } from '../api/contract-types';
import { useApi } from '../api/use-api';
import { Field, Page } from '../layout/page';
import { useSessionContext } from '../session/session-context';

/** What a failed sign-in says, by the error's code. */
export function signInErrorText(error: unknown): string {
  const code = errorCode(error);
  if (code === 'invalid_credentials') return 'That did not match an active account. Check what you typed and try again.';
  if (code === 'rate_limit_exceeded') return 'Too many failed attempts. Wait a little, then try again.';
  return errorMessage(error);
}

/** SSO errors the OIDC callback sends back as `#/sign-in?error=<code>`. */
const SSO_ERRORS: Record<string, string> = {
  oidc_failed: 'Single sign-on did not complete. Try again.',
  oidc_expired: 'The single sign-on took too long and expired. Try again.',
  oidc_unavailable: 'Single sign-on is not available right now.',
  account_disabled: 'This account is disabled. Ask an operator.',
};

/** What the form sends: the key when one was typed, else email and password; null when neither is complete. */
export function signInBody(
  apiKey: string,
  email: string,
  password: string,
): { api_key: string } | { email: string; password: string } | null {
  if (apiKey.trim()) return { api_key: apiKey.trim() };
  if (email.trim() && password) return { email: email.trim(), password };
  return null;
}

/** One form, as the issue asks: an API key, or email and password, and one "Sign in" button. */
export function SignInForm({ onSignedIn, passwordEnabled }: { onSignedIn: (session: Session) => void; passwordEnabled: boolean }) {
  const [apiKey, setApiKey] = useState('');
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const body = signInBody(apiKey, email, password);
    if (!body) {
      setError(passwordEnabled ? 'Enter an API key, or your email and password.' : 'Enter an API key.');
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const session = dataOf(await api().POST('/auth/sign-in', { body }));
      setApiKey('');
      setPassword('');
      onSignedIn(session);
    } catch (caught) {
      setError(signInErrorText(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} aria-label="Sign in" className="card form" noValidate>
      <Field label="API key" id="sign-in-key" hint="Sent once to start a session; the console does not keep it.">
        {(props) => (
          <input
            {...props}
            type="password"
            autoComplete="off"
            spellCheck={false}
            value={apiKey}
            onChange={(e) => setApiKey(e.target.value)}
          />
        )}
      </Field>
      {passwordEnabled && (
        <fieldset className="or-fieldset">
          <legend>or your account</legend>
          <Field label="Email" id="sign-in-email">
            {(props) => <input {...props} type="email" autoComplete="username" value={email} onChange={(e) => setEmail(e.target.value)} />}
          </Field>
          <Field label="Password" id="sign-in-password">
            {(props) => (
              <input
                {...props}
                type="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
        </fieldset>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Sign in
      </button>
    </form>
  );
}

/** Sign in with an API key, with email and password, or (when configured) single sign-on; all end in the same session cookie. */
export function SignInPage() {
  const { state, signedIn } = useSessionContext();
  const [params] = useSearchParams();
  const methods = useApi(async () => dataOf(await api().GET('/auth/methods')), []);

  if (state.status === 'signed-in') {
    const next = params.get('next');
    return <Navigate to={next && next.startsWith('/') ? next : '/'} replace />;
  }
  const ssoError = params.get('error');
  const oidc = methods.state.status === 'ready' ? methods.state.data.oidc : null;
  const password = methods.state.status !== 'ready' || methods.state.data.password;

  return (
    <main id="main" className="sign-in">
      <Page title="Sign in to Switchyard">
        {ssoError && (
          <p role="alert" className="form-error">
            {SSO_ERRORS[ssoError] ?? `Single sign-on failed (${ssoError}).`}
          </p>
        )}
        <SignInForm onSignedIn={signedIn} passwordEnabled={password} />
        {oidc?.enabled && (
          <p>
            <a className="button" href={oidc.start_url}>
              Sign in with single sign-on
            </a>
          </p>
        )}
      </Page>
    </main>
  );
}
