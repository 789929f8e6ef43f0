import { useState } from 'react';
import type { components } from '@switchyard/api-client';
import { callRoute, errorMessage } from '../api/client';

export type Channel = components['schemas']['Channel'];
export type ChannelTest = components['schemas']['ChannelTest'];

/**
 * Test, enable/disable and delete of one channel, under `/v1/channels` (own PRIVATE channels) or
 * `/admin/channels` (PLATFORM): the same routes and answers (channel-routes.ts).
 */
export function ChannelActions({
  base,
  channel,
  onChanged,
  onDelete,
}: {
  base: '/v1/channels' | '/admin/channels';
  channel: Channel;
  onChanged: () => void;
  onDelete: (channel: Channel) => void;
}) {
  const [test, setTest] = useState<{ busy: true } | { busy: false; result?: ChannelTest; error?: string }>({ busy: false });
  const [switching, setSwitching] = useState(false);
  const path = `${base}/${encodeURIComponent(channel.id)}`;

  async function runTest() {
    setTest({ busy: true });
    try {
      const result = await callRoute<ChannelTest>('POST', `${path}/test`);
      setTest({ busy: false, result });
      if (result.channel_status !== channel.status) onChanged();
    } catch (error) {
      setTest({ busy: false, error: errorMessage(error) });
    }
  }

  async function setStatus(status: 'enabled' | 'disabled') {
    setSwitching(true);
    try {
      await callRoute<Channel>('PATCH', path, { status });
      onChanged();
    } catch (error) {
      setTest({ busy: false, error: errorMessage(error) });
    } finally {
      setSwitching(false);
    }
  }

  const enabled = channel.status === 'enabled';
  return (
    <div>
      <div className="row-actions">
        <button type="button" className="secondary" aria-label={`Test ${channel.name}`} disabled={test.busy} onClick={() => void runTest()}>
          {test.busy ? 'Testing…' : 'Test'}
        </button>
        <button
          type="button"
          className="secondary"
          aria-label={`${enabled ? 'Disable' : channel.status === 'auto_disabled' ? 'Re-enable' : 'Enable'} ${channel.name}`}
          disabled={switching}
          onClick={() => void setStatus(enabled ? 'disabled' : 'enabled')}
        >
          {enabled ? 'Disable' : channel.status === 'auto_disabled' ? 'Re-enable' : 'Enable'}
        </button>
        <button type="button" className="secondary" aria-label={`Delete ${channel.name}`} onClick={() => onDelete(channel)}>
          Delete
        </button>
      </div>
      <div aria-live="polite">
        {!test.busy && test.result && (
          <p className={test.result.ok ? 'status-ok' : 'status-bad'}>
            {test.result.ok ? 'Test passed' : 'Test failed'}: {test.result.model}, {test.result.latency_ms} ms
            {test.result.status !== null && `, upstream ${test.result.status}`}
            {test.result.error && ` — ${test.result.error.message}`}
          </p>
        )}
        {!test.busy && test.error && <p className="form-error">{test.error}</p>}
      </div>
    </div>
  );
}
