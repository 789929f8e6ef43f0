import { useState } from 'react';
import { api, dataOf } from '../api/client';
import { Loaded, useApi } from '../api/use-api';
import { usePolling } from '../batches/use-polling';
import type { Channel } from '../channels/channel-actions';
import { ChannelCreateForm } from '../channels/channel-create-form';
import { ChannelEditForm } from '../channels/channel-edit-form';
import { ChannelTable, useChannelDeletion } from '../channels/channel-table';
import { formatTime } from '../format/time';
import { Page, Section } from '../layout/page';

const HEALTH_POLL_MS = 5_000;

/** Live health of one PLATFORM channel, per model: circuit, recent failures, last error; polled while shown. */
function ChannelHealthPanel({ channel }: { channel: Channel }) {
  const health = useApi(
    async () => dataOf(await api().GET('/admin/channels/{channel_id}/health', { params: { path: { channel_id: channel.id } } })),
    [channel.id],
  );
  usePolling(health.state.status !== 'error', health.reload, HEALTH_POLL_MS);
  return (
    <Section title={`Health of ${channel.name}`} id={`health-${channel.id}`}>
      <Loaded api={health} what="its health">
        {(data) => (
          <>
            <p>
              Status: <strong>{data.status}</strong>
              {data.auto_disabled_reason && ` — auto-disabled: ${data.auto_disabled_reason}`}
            </p>
            <table>
              <thead>
                <tr>
                  <th scope="col">Model</th>
                  <th scope="col">Circuit</th>
                  <th scope="col" className="num">
                    Recent failures
                  </th>
                  <th scope="col">Last error</th>
                </tr>
              </thead>
              <tbody>
                {data.models.map((m) => (
                  <tr key={m.model}>
                    <td>{m.model}</td>
                    <td className={m.circuit === 'closed' ? 'status-ok' : 'status-bad'}>{m.circuit.replace('_', '-')}</td>
                    <td className="num">{m.recent_failures}</td>
                    <td>{m.last_error ? `${m.last_error} (${formatTime(m.last_error_at)})` : '—'}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </>
        )}
      </Loaded>
    </Section>
  );
}

/** Operator: the PLATFORM channel pool, its health, and adding to it. */
export function AdminChannelsPage() {
  const channels = useApi(async () => dataOf(await api().GET('/admin/channels')).data as Channel[], []);
  const deletion = useChannelDeletion('/admin/channels', channels.reload);
  const [watching, setWatching] = useState<string | null>(null);
  const [editing, setEditing] = useState<string | null>(null);
  const [added, setAdded] = useState<string | null>(null);
  const shown = channels.state.status === 'ready' ? channels.state.data.find((c) => c.id === watching) : undefined;
  const edited = channels.state.status === 'ready' ? channels.state.data.find((c) => c.id === editing) : undefined;

  return (
    <Page title="Channels" intro="PLATFORM channels serve every user; priority orders them, weight shares traffic within a priority.">
      <Section title="PLATFORM channels" id="platform-channels-title">
        {deletion.error && (
          <p role="alert" className="form-error">
            {deletion.error}
          </p>
        )}
        <Loaded api={channels} what="the channels" isEmpty={(d) => d.length === 0} empty={<p>No PLATFORM channels yet.</p>}>
          {(data) => (
            <>
              <ChannelTable channels={data} base="/admin/channels" platform onChanged={channels.reload} onDelete={deletion.ask} />
              <div className="row-actions" role="group" aria-label="Edit a channel">
                {data.map((c) => (
                  <button key={c.id} type="button" className="secondary" aria-pressed={editing === c.id} onClick={() => setEditing(c.id)}>
                    Edit {c.name}
                  </button>
                ))}
              </div>
              <div className="row-actions" role="group" aria-label="Channel health">
                {data.map((c) => (
                  <button
                    key={c.id}
                    type="button"
                    className="secondary"
                    aria-pressed={watching === c.id}
                    onClick={() => setWatching(watching === c.id ? null : c.id)}
                  >
                    Health of {c.name}
                  </button>
                ))}
              </div>
            </>
          )}
        </Loaded>
      </Section>
      {edited && (
        <Section title={`Edit ${edited.name}`} id="edit-channel-title">
          <ChannelEditForm key={edited.id} channel={edited} onSaved={channels.reload} onClose={() => setEditing(null)} />
        </Section>
      )}
      {shown && <ChannelHealthPanel key={shown.id} channel={shown} />}
      <Section title="Add a PLATFORM channel" id="add-platform-channel-title">
        {added && (
          <p role="status" className="status-ok">
            Added {added}.
          </p>
        )}
        <ChannelCreateForm
          base="/admin/channels"
          platform
          onCreated={(c) => {
            setAdded(c.name);
            channels.reload();
          }}
        />
      </Section>
      {deletion.dialog}
    </Page>
  );
}
