import { useState, type FormEvent } from 'react';
import type { components } from '@switchyard/api-client';
import { api, callRoute, dataOf, errorMessage } from '../api/client';
import { Loaded, useApi } from '../api/use-api';
import { CREDIT, parseAmount } from '../admin/price-input';
import { formatMoney } from '../format/money';
import { formatTime } from '../format/time';
import { ConfirmDialog } from '../layout/confirm-dialog';
import { useCursorPages } from '../layout/cursor-pages';
import { NoticeLine, type Notice } from '../layout/notice-line';
import { Field, Page, Section } from '../layout/page';
import { Pager } from '../layout/pager';

type User = components['schemas']['User'];
type Invite = components['schemas']['Invite'];
type Role = components['schemas']['User']['role'];
type ApiKey = components['schemas']['ApiKey'];
const ROLES: Role[] = ['user', 'partner', 'vip', 'admin'];

function CreateUserForm({ onCreated }: { onCreated: (user: User) => void }) {
  const [name, setName] = useState('');
  const [role, setRole] = useState<Role>('user');
  const [credits, setCredits] = useState('0');
  const [notice, setNotice] = useState<Notice>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const amount = parseAmount(credits || '0', { ...CREDIT, signed: false });
    if (!name.trim()) return setNotice({ ok: false, text: 'Enter a name.' });
    if (!amount.ok) return setNotice({ ok: false, text: `Credits: ${amount.error}` });
    try {
      const user: User = dataOf(await api().POST('/admin/users', { body: { name: name.trim(), role, credits: amount.value } }));
      setNotice({ ok: true, text: `Created ${user.name} (${user.id}).` });
      setName('');
      onCreated(user);
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(error) });
    }
  }

  return (
    <form className="inline-form" aria-label="Create a user" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Name" id="new-user-name">
        {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Role" id="new-user-role">
        {(props) => (
          <select {...props} value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r}>{r}</option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Starting credits (USD)" id="new-user-credits">
        {(props) => <input {...props} inputMode="decimal" value={credits} onChange={(e) => setCredits(e.target.value)} />}
      </Field>
      <button type="submit">Create user</button>
      <NoticeLine notice={notice} />
    </form>
  );
}

/** One user's controls: role, disable, invite, credits with the ledger, rate limit, keys. */
function UserDetail({ user, onChanged }: { user: User; onChanged: () => void }) {
  const [notice, setNotice] = useState<Notice>(null);
  const [role, setRole] = useState<Role>(user.role);
  const [amount, setAmount] = useState('');
  const [limit, setLimit] = useState(
    user.rate_limit_source === 'user' && user.requests_per_minute !== null ? String(user.requests_per_minute) : '',
  );
  const [email, setEmail] = useState(user.email ?? '');
  const [invite, setInvite] = useState<{ kind: 'invite' | 'password-reset'; url: string; expires_at: number } | null>(null);
  const [revoking, setRevoking] = useState<ApiKey | null>(null);
  const base = `/admin/users/${encodeURIComponent(user.id)}`;
  const ledger = useApi(
    async () => dataOf(await api().GET('/admin/users/{user_id}/ledger', { params: { path: { user_id: user.id }, query: { limit: 10 } } })),
    [user.id, user.balance],
  );
  // loaded again whenever the user list is (after each change made here)
  const keys = useApi(
    async () => dataOf(await api().GET('/admin/users/{user_id}/keys', { params: { path: { user_id: user.id } } })).data,
    [user],
  );

  async function run(what: string, action: () => Promise<unknown>, after?: () => void) {
    try {
      await action();
      setNotice({ ok: true, text: what });
      after?.();
      onChanged();
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(error) });
    }
  }

  function topUp(event: FormEvent) {
    event.preventDefault();
    const parsed = parseAmount(amount, CREDIT);
    if (!parsed.ok || parsed.value === null) return setNotice({ ok: false, text: `Amount: ${parsed.ok ? 'Required.' : parsed.error}` });
    void run(
      `Added ${formatMoney(parsed.value)} to ${user.name}.`,
      () => callRoute('POST', `${base}/credits`, { amount: parsed.value }),
      () => setAmount(''),
    );
  }

  function saveLimit(event: FormEvent) {
    event.preventDefault();
    const text = limit.trim();
    if (text === '') return void run(`${user.name} has their role's rate limit again.`, () => callRoute('DELETE', `${base}/rate-limit`));
    if (!/^[1-9]\d*$/.test(text)) return setNotice({ ok: false, text: 'Rate limit: a whole number of requests per minute.' });
    void run(`Set ${user.name}'s rate limit.`, () => callRoute('PUT', `${base}/rate-limit`, { requests_per_minute: Number(text) }));
  }

  /** An invite (first password) or a reset link: shown once, as the absolute address to hand over. */
  async function oneTimeLink(kind: 'invite' | 'password-reset') {
    try {
      const answer =
        kind === 'invite'
          ? await callRoute<Invite>('POST', `${base}/invite`, { email: email.trim() })
          : await callRoute<Invite>('POST', `${base}/password-reset`);
      setInvite({ kind, url: new URL(answer.url, window.location.origin).toString(), expires_at: answer.expires_at });
      setNotice(null);
      onChanged();
    } catch (error) {
      setNotice({ ok: false, text: errorMessage(error) });
    }
  }

  const disabled = Boolean(user.disabled_at);
  return (
    <Section title={`${user.name} (${user.id})`} id="user-detail-title">
      <NoticeLine notice={notice} />
      <div className="cards">
        <div className="card stat">
          <div>Balance</div>
          <div className="stat-value">{formatMoney(user.balance)}</div>
          {user.debt > 0 && <div className="status-bad">Debt {formatMoney(user.debt)}</div>}
        </div>
        <div className="card stat">
          <div>Rate limit</div>
          <div className="stat-value">{user.requests_per_minute === null ? 'Unlimited' : `${user.requests_per_minute}/min`}</div>
          <div className="chat-meta">from the {user.rate_limit_source}</div>
        </div>
      </div>
      <form
        className="inline-form"
        aria-label="Role"
        onSubmit={(e) => {
          e.preventDefault();
          void run(`${user.name} is now ${role}.`, () => callRoute('PATCH', base, { role }));
        }}
      >
        <Field label="Role" id="user-role">
          {(props) => (
            <select {...props} value={role} onChange={(e) => setRole(e.target.value as Role)}>
              {ROLES.map((r) => (
                <option key={r}>{r}</option>
              ))}
            </select>
          )}
        </Field>
        <button type="submit">Save role</button>
        <button
          type="button"
          className={disabled ? 'secondary' : 'danger'}
          onClick={() =>
            void run(disabled ? `Enabled ${user.name}.` : `Disabled ${user.name}: their sessions and keys stop working.`, () =>
              callRoute('PATCH', base, { disabled: !disabled }),
            )
          }
        >
          {disabled ? 'Enable user' : 'Disable user'}
        </button>
      </form>
      <form
        className="inline-form"
        aria-label="Invite"
        onSubmit={(e) => {
          e.preventDefault();
          void oneTimeLink('invite');
        }}
      >
        <Field label="Email for the invite" id="user-invite-email">
          {(props) => <input {...props} type="email" value={email} onChange={(e) => setEmail(e.target.value)} />}
        </Field>
        <button type="submit">Create invite link</button>
        {user.email && (
          <button type="button" className="secondary" onClick={() => void oneTimeLink('password-reset')}>
            Create password reset link
          </button>
        )}
      </form>
      {invite && (
        <div className="card" role="status">
          <p>
            One-time {invite.kind === 'invite' ? 'invite' : 'password reset'} link (shown once, expires {formatTime(invite.expires_at)}):
          </p>
          <p className="secret">{invite.url}</p>
          <button type="button" className="secondary" onClick={() => void navigator.clipboard?.writeText(invite.url)}>
            Copy link
          </button>
        </div>
      )}
      <form className="inline-form" aria-label="Credits" onSubmit={topUp}>
        <Field label="Add credits (USD)" id="user-credit" hint="Negative to take back.">
          {(props) => <input {...props} inputMode="decimal" value={amount} onChange={(e) => setAmount(e.target.value)} />}
        </Field>
        <button type="submit">Add credits</button>
      </form>
      <form className="inline-form" aria-label="Rate limit" onSubmit={saveLimit}>
        <Field label="Own rate limit (requests per minute)" id="user-rate-limit" hint="Empty: the role's limit.">
          {(props) => <input {...props} inputMode="numeric" value={limit} onChange={(e) => setLimit(e.target.value)} />}
        </Field>
        <button type="submit">Save rate limit</button>
      </form>
      <h3>Ledger</h3>
      <Loaded api={ledger} what="the ledger" isEmpty={(d) => d.data.length === 0} empty={<p>No entries yet.</p>}>
        {(page) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Time</th>
                <th scope="col">Kind</th>
                <th scope="col">Reference</th>
                <th scope="col" className="num">
                  Amount
                </th>
              </tr>
            </thead>
            <tbody>
              {page.data.map((entry) => (
                <tr key={entry.id}>
                  <td>{formatTime(entry.created_at)}</td>
                  <td>{entry.kind}</td>
                  <td>
                    <code>{entry.reference}</code>
                  </td>
                  <td className="num">{formatMoney(entry.amount)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <h3>API keys</h3>
      <Loaded api={keys} what="their keys" isEmpty={(d) => d.length === 0} empty={<p>No keys.</p>}>
        {(data) => (
          <table>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Prefix</th>
                <th scope="col">Scopes</th>
                <th scope="col">Created</th>
                <th scope="col">Revoked</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {data.map((key) => (
                <tr key={key.id}>
                  <td>{key.name}</td>
                  <td>
                    <code>{key.prefix}</code>
                  </td>
                  <td>{key.scopes.join(', ')}</td>
                  <td>{formatTime(key.created_at)}</td>
                  <td>{formatTime(key.revoked_at)}</td>
                  <td>
                    {key.revoked_at === null && (
                      <button type="button" className="secondary" aria-label={`Revoke ${key.name}`} onClick={() => setRevoking(key)}>
                        Revoke
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Loaded>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this key?"
        confirmLabel="Revoke key"
        onCancel={() => setRevoking(null)}
        onConfirm={() => {
          const key = revoking;
          setRevoking(null);
          if (key) void run(`Revoked ${key.name}.`, () => callRoute('DELETE', `${base}/keys/${encodeURIComponent(key.id)}`), keys.reload);
        }}
      >
        <p>{revoking?.name} stops working on every gateway at once.</p>
      </ConfirmDialog>
    </Section>
  );
}

/** Operator: users, searched by the server, and one user's controls. */
export function AdminUsersPage() {
  const [search, setSearch] = useState('');
  const [searchText, setQuery] = useState('');
  const [selected, setSelected] = useState<string | null>(null);
  const pages = useCursorPages();
  const users = useApi(async () => {
    const query = { limit: 50, ...(searchText && { search: searchText }), ...(pages.after && { after: pages.after }) };
    return dataOf(await api().GET('/admin/users', { params: { query } }));
  }, [searchText, pages.after]);
  const user = users.state.status === 'ready' ? users.state.data.data.find((u) => u.id === selected) : undefined;

  return (
    <Page title="Users" intro="Accounts, their credits, limits and keys.">
      <Section title="Create a user" id="create-user-title">
        <CreateUserForm
          onCreated={(u) => {
            setSelected(u.id);
            users.reload();
          }}
        />
      </Section>
      <Section title="All users" id="users-title">
        <form
          className="filters"
          aria-label="Search users"
          onSubmit={(e) => {
            e.preventDefault();
            pages.first();
            setQuery(search.trim());
          }}
        >
          <Field label="Search" id="user-search" hint="Id, name or email.">
            {(props) => <input {...props} type="search" value={search} onChange={(e) => setSearch(e.target.value)} />}
          </Field>
          <button type="submit">Search</button>
        </form>
        <Loaded api={users} what="the users" isEmpty={(d) => d.data.length === 0 && !pages.after} empty={<p>No user matches.</p>}>
          {(page) => (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">Email</th>
                      <th scope="col">Role</th>
                      <th scope="col" className="num">
                        Balance
                      </th>
                      <th scope="col">Status</th>
                      <th scope="col">Created</th>
                      <th scope="col">Action</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((u) => (
                      <tr key={u.id} aria-current={u.id === selected ? 'true' : undefined}>
                        <td>
                          {u.name}
                          <div className="chat-meta">
                            <code>{u.id}</code>
                          </div>
                        </td>
                        <td>{u.email ?? '—'}</td>
                        <td>{u.role}</td>
                        <td className="num">{formatMoney(u.balance)}</td>
                        <td>{u.disabled_at ? <span className="status-bad">disabled</span> : 'active'}</td>
                        <td>{formatTime(u.created_at)}</td>
                        <td>
                          <button type="button" className="secondary" aria-label={`Manage ${u.name}`} onClick={() => setSelected(u.id)}>
                            Manage
                          </button>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                page={pages.page}
                hasMore={page.has_more}
                onPrevious={pages.previous}
                onNext={() => {
                  const last = page.data[page.data.length - 1];
                  if (last) pages.next(last.id);
                }}
              />
            </>
          )}
        </Loaded>
      </Section>
      {user && <UserDetail key={user.id} user={user} onChanged={users.reload} />}
    </Page>
  );
}
