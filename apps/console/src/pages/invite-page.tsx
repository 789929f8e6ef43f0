import { useState, type FormEvent } from 'react';
import { Navigate, useParams } from 'react-router';
import { api, ApiError, dataOf, errorMessage } from '../api/client';
import type { Invite } from '../api/contract-types';
import { Loaded, useApi } from '../api/use-api';
import { PasswordRulesList } from '../account/password-rules-list';
import { isStrongEnough } from '../account/password-strength';
import { formatTime } from '../format/time';
import { Field, Page } from '../layout/page';
import { useSessionContext } from '../session/session-context';

function AcceptForm({ token, invite }: { token: string; invite: Invite }) {
  const { signedIn } = useSessionContext();
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isStrongEnough(password, invite.email)) return setError('The password does not meet the rules yet.');
    if (password !== repeat) return setError('The two passwords differ.');
    setBusy(true);
    setError(null);
    try {
      signedIn(dataOf(await api().POST('/auth/invites/{token}/accept', { params: { path: { token } }, body: { password } })));
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form card" aria-label="Set your password" onSubmit={(e) => void submit(e)} noValidate>
      <p>
        {invite.kind === 'reset' ? 'Choose a new password' : 'Welcome'} {invite.name && <strong>{invite.name}</strong>} ({invite.email}).
        This link works once, until {formatTime(invite.expires_at)}.
      </p>
      <Field
        label="Password"
        id="invite-password"
        hint={<PasswordRulesList id="invite-password-rules" password={password} email={invite.email} />}
      >
        {(props) => (
          <input {...props} type="password" autoComplete="new-password" value={password} onChange={(e) => setPassword(e.target.value)} />
        )}
      </Field>
      <Field label="Repeat the password" id="invite-repeat">
        {(props) => (
          <input {...props} type="password" autoComplete="new-password" value={repeat} onChange={(e) => setRepeat(e.target.value)} />
        )}
      </Field>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          Set password and sign in
        </button>
      </div>
    </form>
  );
}

/** `#/invite/<token>`: the one-time link an admin sent; the user sets a password and is signed in. */
export function InvitePage() {
  const { token = '' } = useParams();
  const { state } = useSessionContext();
  const invite = useApi(async () => dataOf(await api().GET('/auth/invites/{token}', { params: { path: { token } } })), [token]);
  if (state.status === 'signed-in' && invite.state.status !== 'loading') {
    // accepted (or already signed in): on to the console
    if (invite.state.status !== 'ready' || state.session.user.email === invite.state.data.email) return <Navigate to="/" replace />;
  }
  const gone = invite.state.status === 'error' && invite.state.error instanceof ApiError && invite.state.error.status === 404;
  return (
    <main id="main" className="sign-in">
      <Page title={invite.state.status === 'ready' && invite.state.data.kind === 'reset' ? 'Reset your password' : 'Set your password'}>
        {gone ? (
          <p role="alert" className="state state-error">
            This link is not valid any more: it was used, it expired, or it was never issued. Ask an operator for a new one.
          </p>
        ) : (
          <Loaded api={invite} what="the invitation">
            {(data) => <AcceptForm token={token} invite={data} />}
          </Loaded>
        )}
      </Page>
    </main>
  );
}
