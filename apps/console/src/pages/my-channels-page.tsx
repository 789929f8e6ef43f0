import { useEffect, useState } from 'react';
import type { components } from '@switchyard/api-client';
import { api, dataOf, errorMessage } from '../api/client';
import { Loaded, useApi } from '../api/use-api';
import type { Channel } from '../channels/channel-actions';
import { ChannelCreateForm } from '../channels/channel-create-form';
import { ChannelTable, useChannelDeletion } from '../channels/channel-table';
import { Field, Page, Section } from '../layout/page';

type Policy = components['schemas']['RoutingPolicy']['policy'];
const POLICIES: { value: Policy; label: string }[] = [
  { value: 'byok_first', label: 'My channels first, then the platform' },
  { value: 'platform_first', label: 'The platform first, then my channels' },
  { value: 'byok_only', label: 'My channels only' },
  { value: 'platform_only', label: 'The platform only' },
];

function RoutingPolicyEditor() {
  const current = useApi(async () => dataOf(await api().GET('/v1/routing-policy')).policy, []);
  const [policy, setPolicy] = useState<Policy | null>(null);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  useEffect(() => {
    if (current.state.status === 'ready') setPolicy(current.state.data);
  }, [current.state]);

  async function save() {
    if (!policy) return;
    try {
      const saved = dataOf(await api().PUT('/v1/routing-policy', { body: { policy } }));
      setMessage({ ok: true, text: `Saved: ${POLICIES.find((p) => p.value === saved.policy)?.label ?? saved.policy}.` });
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  }

  return (
    <Loaded api={current} what="your routing policy">
      {() => (
        <form
          className="inline-form"
          aria-label="Routing policy"
          onSubmit={(e) => {
            e.preventDefault();
            void save();
          }}
        >
          <Field label="Routing policy" id="routing-policy">
            {(props) => (
              <select {...props} value={policy ?? 'byok_first'} onChange={(e) => setPolicy(e.target.value as Policy)}>
                {POLICIES.map((p) => (
                  <option key={p.value} value={p.value}>
                    {p.label}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <button type="submit">Save policy</button>
          {message && (
            <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'status-ok' : 'form-error'}>
              {message.text}
            </p>
          )}
        </form>
      )}
    </Loaded>
  );
}

/** BYOK: the key holder's own upstream keys (PRIVATE channels), and how requests choose between them and the platform. */
export function MyChannelsPage() {
  const channels = useApi(async () => dataOf(await api().GET('/v1/channels')).data as Channel[], []);
  const [added, setAdded] = useState<string | null>(null);
  const deletion = useChannelDeletion('/v1/channels', channels.reload);
  return (
    <Page title="My channels" intro="Bring your own provider keys: requests can use them before (or instead of) the platform's.">
      <Section title="Routing" id="routing-title">
        <RoutingPolicyEditor />
      </Section>
      <Section title="Your channels" id="channels-title">
        {deletion.error && (
          <p role="alert" className="form-error">
            {deletion.error}
          </p>
        )}
        <Loaded api={channels} what="your channels" isEmpty={(d) => d.length === 0} empty={<p>No channels of your own yet.</p>}>
          {(data) => (
            <ChannelTable channels={data} base="/v1/channels" platform={false} onChanged={channels.reload} onDelete={deletion.ask} />
          )}
        </Loaded>
      </Section>
      <Section title="Add a channel" id="add-channel-title">
        {added && (
          <p role="status" className="status-ok">
            Added {added}.
          </p>
        )}
        <ChannelCreateForm
          base="/v1/channels"
          platform={false}
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
