import { useState, type FormEvent } from 'react';
import { callRoute, errorMessage } from '../api/client';
import { Field } from '../layout/page';
import type { Channel } from './channel-actions';
import { mappingText, parseMapping, parseModels } from './channel-form';

/** Changes a PLATFORM channel's models, mapping, priority and weight (PATCH: only what is sent changes; the key stays). */
export function ChannelEditForm({ channel, onSaved, onClose }: { channel: Channel; onSaved: () => void; onClose: () => void }) {
  const [models, setModels] = useState(channel.models.join(', '));
  const [mapping, setMapping] = useState(mappingText(channel.model_mapping));
  const [priority, setPriority] = useState(String(channel.priority));
  const [weight, setWeight] = useState(String(channel.weight));
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const modelList = parseModels(models);
    const parsedMapping = parseMapping(mapping);
    if (modelList.length === 0) return setMessage({ ok: false, text: 'Name at least one model.' });
    if (parsedMapping.errors.length > 0) return setMessage({ ok: false, text: `Model mapping: ${parsedMapping.errors.join('; ')}` });
    if (!/^-?\d+$/.test(priority.trim()) || !/^\d+$/.test(weight.trim()))
      return setMessage({ ok: false, text: 'Priority and weight are whole numbers.' });
    try {
      await callRoute<Channel>('PATCH', `/admin/channels/${encodeURIComponent(channel.id)}`, {
        models: modelList,
        model_mapping: parsedMapping.mapping,
        priority: Number(priority),
        weight: Number(weight),
      });
      setMessage({ ok: true, text: `Saved ${channel.name}.` });
      onSaved();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  }

  return (
    <form className="card form" aria-label={`Edit ${channel.name}`} onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Models" id="edit-channel-models" hint="Separated by commas or spaces.">
        {(props) => <input {...props} value={models} onChange={(e) => setModels(e.target.value)} />}
      </Field>
      <Field label="Model mapping" id="edit-channel-mapping" hint="One per line: asked=sent upstream.">
        {(props) => <textarea {...props} rows={3} value={mapping} onChange={(e) => setMapping(e.target.value)} />}
      </Field>
      <Field label="Priority" id="edit-channel-priority" hint="Higher is tried first.">
        {(props) => <input {...props} inputMode="numeric" value={priority} onChange={(e) => setPriority(e.target.value)} />}
      </Field>
      <Field label="Weight" id="edit-channel-weight" hint="Share among channels of the same priority.">
        {(props) => <input {...props} inputMode="numeric" value={weight} onChange={(e) => setWeight(e.target.value)} />}
      </Field>
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'status-ok' : 'form-error'}>
          {message.text}
        </p>
      )}
      <div className="row-actions">
        <button type="submit">Save channel</button>
        <button type="button" className="secondary" onClick={onClose}>
          Close
        </button>
      </div>
    </form>
  );
}
