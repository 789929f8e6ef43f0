import { useState } from 'react';
import { callRoute, errorMessage } from '../api/client';
import { ConfirmDialog } from '../layout/confirm-dialog';
import { ChannelActions, type Channel } from './channel-actions';

/** The channels of one kind (own PRIVATE or PLATFORM) with their actions. */
export function ChannelTable({
  channels,
  base,
  platform,
  onChanged,
  onDelete,
}: {
  channels: Channel[];
  base: '/v1/channels' | '/admin/channels';
  platform: boolean;
  onChanged: () => void;
  onDelete: (c: Channel) => void;
}) {
  return (
    <div className="table-wrap">
      <table>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Provider</th>
            <th scope="col">Base URL</th>
            <th scope="col">Key</th>
            <th scope="col">Models</th>
            {platform && (
              <>
                <th scope="col" className="num">
                  Priority
                </th>
                <th scope="col" className="num">
                  Weight
                </th>
              </>
            )}
            <th scope="col">Status</th>
            <th scope="col">Actions</th>
          </tr>
        </thead>
        <tbody>
          {channels.map((channel) => (
            <tr key={channel.id}>
              <td>
                {channel.name}
                <div className="chat-meta">
                  <code>{channel.id}</code>
                </div>
              </td>
              <td>{channel.provider}</td>
              <td>{channel.base_url}</td>
              <td>
                <code>{channel.api_key_hint}</code>
              </td>
              <td>
                {channel.models.join(', ')}
                {Object.keys(channel.model_mapping).length > 0 && (
                  <div className="chat-meta">
                    {Object.entries(channel.model_mapping)
                      .map(([a, s]) => `${a} → ${s}`)
                      .join(', ')}
                  </div>
                )}
              </td>
              {platform && (
                <>
                  <td className="num">{channel.priority}</td>
                  <td className="num">{channel.weight}</td>
                </>
              )}
              <td>
                <span className={channel.status === 'enabled' ? 'status-ok' : 'status-bad'}>{channel.status}</span>
                {channel.status_reason && <div className="chat-meta">{channel.status_reason}</div>}
              </td>
              <td>
                <ChannelActions base={base} channel={channel} onChanged={onChanged} onDelete={onDelete} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** Delete with confirmation, shared by both channel pages. */
export function useChannelDeletion(base: '/v1/channels' | '/admin/channels', onDeleted: () => void) {
  const [deleting, setDeleting] = useState<Channel | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function confirm() {
    if (!deleting) return;
    setBusy(true);
    try {
      await callRoute('DELETE', `${base}/${encodeURIComponent(deleting.id)}`);
      setError(null);
      onDeleted();
    } catch (caught) {
      setError(`Could not delete ${deleting.name}: ${errorMessage(caught)}`);
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  }
  const dialog = (
    <ConfirmDialog
      open={deleting !== null}
      title="Delete this channel?"
      confirmLabel="Delete channel"
      busy={busy}
      onConfirm={() => void confirm()}
      onCancel={() => setDeleting(null)}
    >
      <p>{deleting?.name} and its sealed key are removed; requests stop using it at once.</p>
    </ConfirmDialog>
  );
  return { ask: setDeleting, dialog, error };
}
