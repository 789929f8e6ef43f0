import { useState, type FormEvent } from 'react';
import { api, dataOf, errorMessage } from '../api/client';
import type { SessionEntry } from '../api/contract-types';
import { Loaded, useApi } from '../api/use-api';
import { ConfirmDialog } from '../components/dialog';
import { isStrongEnough } from '../account/password-strength';
import { PasswordRulesList } from '../account/password-rules-list';
import { formatTime } from '../format/time';
import { Field, Page, Section } from '../layout/page';
import { useSession, useSessionContext } from '../session/session-context';

const METHOD_NAMES: Record<string, string> = { api_key: 'API key', password: 'Password', oidc: 'Single sign-on' };

function ChangePassword() {
  const session = useSession();
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!isStrongEnough(next, session.user.email))
      return setMessage({ ok: false, text: 'The new password does not meet the rules below.' });
    setBusy(true);
    setMessage(null);
    try {
      dataOf(await api().PUT('/auth/password', { body: { current_password: current, new_password: next } }));
      setCurrent('');
      setNext('');
      setMessage({ ok: true, text: 'Password changed. Your other sessions were signed out.' });
    } catch (caught) {
      setMessage({ ok: false, text: errorMessage(caught) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form card" aria-label="Change password" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Current password" id="current-password">
        {(props) => (
          <input {...props} type="password" autoComplete="current-password" value={current} onChange={(e) => setCurrent(e.target.value)} />
        )}
      </Field>
      <Field
        label="New password"
        id="new-password"
        hint={<PasswordRulesList id="new-password-rules" password={next} email={session.user.email} />}
      >
        {(props) => <input {...props} type="password" autoComplete="new-password" value={next} onChange={(e) => setNext(e.target.value)} />}
      </Field>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'strength-ok' : 'form-error'}>
          {message.text}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          Change password
        </button>
      </div>
    </form>
  );
}

/** Who the viewer is, their sessions (revoke one, or all), their password, and signing out. */
export function AccountPage() {
  const session = useSession();
  const { signOut, refresh } = useSessionContext();
  const sessions = useApi(async () => dataOf(await api().GET('/auth/sessions')), []);
  const [confirmAll, setConfirmAll] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function revoke(entry: SessionEntry) {
    setError(null);
    try {
      dataOf(await api().DELETE('/auth/sessions/{session_id}', { params: { path: { session_id: entry.id } } }));
      if (entry.current) refresh();
      else sessions.reload();
    } catch (caught) {
      setError(errorMessage(caught));
    }
  }

  async function revokeAll() {
    try {
      await api().POST('/auth/sessions/revoke-all');
    } finally {
      setConfirmAll(false);
      refresh();
    }
  }

  return (
    <Page
      title="Account"
      actions={
        <button type="button" className="secondary" onClick={() => void signOut()}>
          Sign out
        </button>
      }
    >
      <Section title="You" id="you">
        <dl className="facts">
          <dt>Name</dt>
          <dd>{session.user.name || '—'}</dd>
          <dt>Email</dt>
          <dd>{session.user.email ?? '—'}</dd>
          <dt>Role</dt>
          <dd>{session.user.role}</dd>
          <dt>User id</dt>
          <dd>
            <code>{session.user.id}</code>
          </dd>
          <dt>Signed in with</dt>
          <dd>{METHOD_NAMES[session.method] ?? session.method}</dd>
          <dt>Session expires</dt>
          <dd>{formatTime(session.expires_at)}</dd>
        </dl>
      </Section>
      <Section
        title="Sessions"
        id="sessions"
        actions={
          <button type="button" className="danger" onClick={() => setConfirmAll(true)}>
            Sign out everywhere
          </button>
        }
      >
        {error && (
          <p role="alert" className="form-error">
            {error}
          </p>
        )}
        <Loaded api={sessions} what="your sessions" isEmpty={(list) => list.data.length === 0} empty={<p>No active sessions.</p>}>
          {(list) => (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Signed in</th>
                    <th scope="col">With</th>
                    <th scope="col">Last seen</th>
                    <th scope="col">From</th>
                    <th scope="col">Expires</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((entry) => (
                    <tr key={entry.id}>
                      <td>
                        {formatTime(entry.created_at)}
                        {entry.current && <strong> (this browser)</strong>}
                      </td>
                      <td>{METHOD_NAMES[entry.method] ?? entry.method}</td>
                      <td>{formatTime(entry.last_seen_at)}</td>
                      <td>
                        {entry.ip ?? '—'}
                        {entry.user_agent && <div className="muted">{entry.user_agent}</div>}
                      </td>
                      <td>{formatTime(entry.expires_at)}</td>
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={
                            entry.current
                              ? 'Revoke this session (signs you out)'
                              : `Revoke the session from ${formatTime(entry.created_at)}`
                          }
                          onClick={() => void revoke(entry)}
                        >
                          Revoke
                        </button>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Loaded>
      </Section>
      {session.method === 'password' || session.user.email ? (
        <Section title="Password" id="password">
          <ChangePassword />
        </Section>
      ) : null}
      {confirmAll && (
        <ConfirmDialog
          title="Sign out everywhere?"
          confirmLabel="Sign out everywhere"
          onConfirm={() => void revokeAll()}
          onCancel={() => setConfirmAll(false)}
        >
          <p>Every session of yours ends, this one included. Your API keys keep working.</p>
        </ConfirmDialog>
      )}
    </Page>
  );
}
