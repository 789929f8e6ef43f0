import { useState, type FormEvent } from 'react';
import { api, dataOf, errorMessage } from '../api/client';
import type { CreatedKey, OwnKey } from '../api/contract-types';
import { Loaded, useApi } from '../api/use-api';
import { ConfirmDialog } from '../components/dialog';
import { KeyCreatedDialog } from '../components/key-created-dialog';
import { formatTime } from '../format/time';
import { Field, Page, Section } from '../layout/page';
import { isOperator, useSession } from '../session/session-context';

type Scope = OwnKey['scopes'][number];

const SCOPES: { scope: Scope; label: string; adminOnly?: boolean }[] = [
  { scope: 'inference', label: 'inference (models, chat, files, batches)' },
  { scope: 'usage:read', label: 'usage:read (usage and balance)' },
  { scope: 'admin', label: 'admin (operator API)', adminOnly: true },
];

function CreateKeyForm({ onCreated }: { onCreated: (key: CreatedKey) => void }) {
  const session = useSession();
  const [name, setName] = useState('');
  const [scopes, setScopes] = useState<Scope[]>(['inference', 'usage:read']);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const offered = SCOPES.filter((s) => !s.adminOnly || isOperator(session));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!name.trim()) return setError('Give the key a name.');
    if (scopes.length === 0) return setError('Choose at least one scope.');
    setBusy(true);
    setError(null);
    try {
      const created = dataOf(await api().POST('/v1/keys', { body: { name: name.trim(), scopes } }));
      setName('');
      onCreated(created);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="form card" aria-label="Create a key" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Name" id="key-name" hint="What the key is for, e.g. “laptop” or “ci”.">
        {(props) => <input {...props} value={name} maxLength={100} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <fieldset className="scopes">
        <legend>Scopes</legend>
        {offered.map(({ scope, label }) => (
          <label key={scope}>
            <input
              type="checkbox"
              checked={scopes.includes(scope)}
              onChange={(e) => setScopes(e.target.checked ? [...scopes, scope] : scopes.filter((s) => s !== scope))}
            />{' '}
            {label}
          </label>
        ))}
      </fieldset>
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <div>
        <button type="submit" disabled={busy}>
          Create key
        </button>
      </div>
    </form>
  );
}

/** The viewer's own API keys: create (shown once), list, revoke. */
export function KeysPage() {
  const keys = useApi(async () => dataOf(await api().GET('/v1/keys')), []);
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [revoking, setRevoking] = useState<OwnKey | null>(null);
  const [revokeError, setRevokeError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function revoke(key: OwnKey) {
    setBusy(true);
    setRevokeError(null);
    try {
      dataOf(await api().DELETE('/v1/keys/{key_id}', { params: { path: { key_id: key.id } } }));
      setRevoking(null);
      keys.reload();
    } catch (caught) {
      setRevokeError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Page title="API keys" intro="Keys for your programs. A key acts as you, with the scopes you give it.">
      <Section title="Create a key" id="create-key">
        <CreateKeyForm
          onCreated={(key) => {
            setCreated(key);
            keys.reload();
          }}
        />
      </Section>
      <Section title="Your keys" id="your-keys">
        <Loaded
          api={keys}
          what="your keys"
          isEmpty={(list) => list.data.length === 0}
          empty={<p>You have no keys yet. Create one above.</p>}
        >
          {(list) => (
            <div className="table-wrap">
              <table>
                <caption className="muted">Times in your zone</caption>
                <thead>
                  <tr>
                    <th scope="col">Name</th>
                    <th scope="col">Id</th>
                    <th scope="col">Scopes</th>
                    <th scope="col">Created</th>
                    <th scope="col">Last used</th>
                    <th scope="col">
                      <span className="visually-hidden">Actions</span>
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {list.data.map((key) => (
                    <tr key={key.id}>
                      <td>{key.name}</td>
                      <td>
                        <code>{key.id}</code>
                      </td>
                      <td>{key.scopes.join(', ')}</td>
                      <td>{formatTime(key.created_at)}</td>
                      <td>{key.last_used_at ? formatTime(key.last_used_at) : 'Never'}</td>
                      <td>
                        {key.revoked_at ? (
                          <span>Revoked {formatTime(key.revoked_at)}</span>
                        ) : (
                          <button type="button" className="secondary" aria-label={`Revoke ${key.name}`} onClick={() => setRevoking(key)}>
                            Revoke
                          </button>
                        )}
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </Loaded>
      </Section>
      {created && <KeyCreatedDialog created={created} onClose={() => setCreated(null)} />}
      {revoking && (
        <ConfirmDialog
          title={`Revoke “${revoking.name}”?`}
          confirmLabel="Revoke key"
          busy={busy}
          onConfirm={() => void revoke(revoking)}
          onCancel={() => {
            setRevoking(null);
            setRevokeError(null);
          }}
        >
          <p>Programs using this key stop working at once. This cannot be undone.</p>
          {revokeError && (
            <p role="alert" className="form-error">
              {revokeError}
            </p>
          )}
        </ConfirmDialog>
      )}
    </Page>
  );
}
