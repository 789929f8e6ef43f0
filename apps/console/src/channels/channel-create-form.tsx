import { useState, type FormEvent } from 'react';
import { callRoute, errorMessage } from '../api/client';
import { Field } from '../layout/page';
import type { Channel } from './channel-actions';
import { parseMapping, parseModels, PROVIDERS } from './channel-form';

/**
 * Adds a channel: provider, base URL, key and models; PLATFORM channels also take priority, weight
 * and a model mapping. The key is sent once and never shown again (the list shows its hint).
 */
export function ChannelCreateForm({
  base,
  platform,
  onCreated,
}: {
  base: '/v1/channels' | '/admin/channels';
  platform: boolean;
  onCreated: (channel: Channel) => void;
}) {
  const [provider, setProvider] = useState<string>('openai');
  const [name, setName] = useState('');
  const [baseUrl, setBaseUrl] = useState('');
  const [apiKey, setApiKey] = useState('');
  const [models, setModels] = useState('');
  const [priority, setPriority] = useState('0');
  const [weight, setWeight] = useState('1');
  const [mapping, setMapping] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const prefix = platform ? 'platform-channel' : 'channel';

  async function submit(event: FormEvent) {
    event.preventDefault();
    const modelList = parseModels(models);
    const parsedMapping = parseMapping(mapping);
    if (!apiKey.trim()) return setError('Enter the upstream API key.');
    if (modelList.length === 0) return setError('Name at least one model.');
    if (parsedMapping.errors.length > 0) return setError(`Model mapping: ${parsedMapping.errors.join('; ')}`);
    const body: Record<string, unknown> = { provider, api_key: apiKey.trim(), models: modelList };
    if (name.trim()) body.name = name.trim();
    if (baseUrl.trim()) body.base_url = baseUrl.trim();
    if (platform) {
      if (!/^-?\d+$/.test(priority.trim()) || !/^\d+$/.test(weight.trim())) return setError('Priority and weight are whole numbers.');
      body.priority = Number(priority);
      body.weight = Number(weight);
      if (Object.keys(parsedMapping.mapping).length > 0) body.model_mapping = parsedMapping.mapping;
    }
    setBusy(true);
    setError(null);
    try {
      const channel = await callRoute<Channel>('POST', base, body);
      setApiKey('');
      setModels('');
      setName('');
      setBaseUrl('');
      setMapping('');
      onCreated(channel);
    } catch (caught) {
      setError(errorMessage(caught));
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" aria-label="Add a channel" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Provider" id={`${prefix}-provider`}>
        {(props) => (
          <select {...props} value={provider} onChange={(e) => setProvider(e.target.value)}>
            {PROVIDERS.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label="Name" id={`${prefix}-name`} hint="Optional: the provider and model by default.">
        {(props) => <input {...props} value={name} onChange={(e) => setName(e.target.value)} />}
      </Field>
      <Field label="Base URL" id={`${prefix}-base-url`} hint="Optional: the provider's official API by default.">
        {(props) => (
          <input
            {...props}
            type="url"
            value={baseUrl}
            onChange={(e) => setBaseUrl(e.target.value)}
            placeholder="https://api.example.com/v1"
          />
        )}
      </Field>
      <Field label="Upstream API key" id={`${prefix}-key`} hint="Stored sealed; only its last characters are ever shown.">
        {(props) => <input {...props} type="password" autoComplete="off" value={apiKey} onChange={(e) => setApiKey(e.target.value)} />}
      </Field>
      <Field label="Models" id={`${prefix}-models`} hint="Separated by commas or spaces.">
        {(props) => <input {...props} value={models} onChange={(e) => setModels(e.target.value)} />}
      </Field>
      {platform && (
        <>
          <Field label="Priority" id={`${prefix}-priority`} hint="Higher is tried first.">
            {(props) => <input {...props} inputMode="numeric" value={priority} onChange={(e) => setPriority(e.target.value)} />}
          </Field>
          <Field label="Weight" id={`${prefix}-weight`} hint="Share among channels of the same priority.">
            {(props) => <input {...props} inputMode="numeric" value={weight} onChange={(e) => setWeight(e.target.value)} />}
          </Field>
          <Field label="Model mapping" id={`${prefix}-mapping`} hint="One per line: asked=sent upstream.">
            {(props) => <textarea {...props} rows={3} value={mapping} onChange={(e) => setMapping(e.target.value)} />}
          </Field>
        </>
      )}
      {error && (
        <p role="alert" className="form-error">
          {error}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Add channel
      </button>
    </form>
  );
}
