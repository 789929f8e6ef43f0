import { useState, type FormEvent } from 'react';
import type { components } from '@switchyard/api-client';
import { api, callRoute, dataOf, errorMessage } from '../api/client';
import { Loaded, useApi } from '../api/use-api';
import { amountText, DISCOUNT, OPTIONAL_USD_AMOUNT, parseAmount, USD_AMOUNT, type AmountRules } from '../admin/price-input';
import { formatMoney } from '../format/money';
import { Field, Page, Section } from '../layout/page';

type Model = components['schemas']['Model'];
type Price = components['schemas']['Price'];
type RoleLimit = components['schemas']['RoleRateLimit'];

const PRICE_FIELDS: { key: keyof Omit<Price, 'model' | 'object' | 'updated_at'>; label: string; rules: AmountRules; hint?: string }[] = [
  { key: 'input_per_million', label: 'Input per million tokens', rules: USD_AMOUNT },
  { key: 'output_per_million', label: 'Output per million tokens', rules: USD_AMOUNT },
  {
    key: 'cached_input_per_million',
    label: 'Cached input per million tokens',
    rules: OPTIONAL_USD_AMOUNT,
    hint: 'Empty: the input price.',
  },
  {
    key: 'cache_write_input_per_million',
    label: 'Cache write per million tokens',
    rules: OPTIONAL_USD_AMOUNT,
    hint: 'Empty: the input price.',
  },
  {
    key: 'batch_discount',
    label: 'Batch discount',
    rules: DISCOUNT,
    hint: '0 to 1: 0.5 charges batch lines half price. Empty: the default.',
  },
  { key: 'per_image', label: 'Per image', rules: OPTIONAL_USD_AMOUNT },
  { key: 'per_audio_second', label: 'Per audio second', rules: OPTIONAL_USD_AMOUNT },
  { key: 'per_call', label: 'Per call', rules: OPTIONAL_USD_AMOUNT },
];

type Draft = Record<(typeof PRICE_FIELDS)[number]['key'], string>;

const PRICE_BOOK_PAGE = 500;

/** The model's price exactly as billing stores it (every kind and the batch discount), from the admin's price book; null when it has none. */
async function storedPrice(model: string): Promise<Price | null> {
  let after: string | undefined;
  for (;;) {
    const page = dataOf(await api().GET('/admin/prices', { params: { query: { limit: PRICE_BOOK_PAGE, after } } }));
    const found = page.data.find((price) => price.model === model);
    if (found) return found;
    if (!page.has_more || page.data.length === 0) return null;
    after = page.data[page.data.length - 1].model;
  }
}

function draftOf(price: Price | null): Draft {
  return Object.fromEntries(PRICE_FIELDS.map((f) => [f.key, amountText(price?.[f.key] ?? null)])) as Draft;
}

function PriceForm({ initialModel, initial, onSaved }: { initialModel: string; initial: Draft; onSaved: (price: Price) => void }) {
  const [model, setModel] = useState(initialModel);
  const [draft, setDraft] = useState<Draft>(initial);
  const [errors, setErrors] = useState<Partial<Record<keyof Draft | 'model', string>>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: typeof errors = {};
    const body: Record<string, number | null> = {};
    if (!model.trim()) found.model = 'Required.';
    for (const field of PRICE_FIELDS) {
      const parsed = parseAmount(draft[field.key], field.rules);
      if (!parsed.ok) found[field.key] = parsed.error;
      else if (parsed.value !== null || field.key !== 'batch_discount') body[field.key] = parsed.value;
    }
    setErrors(found);
    if (Object.keys(found).length > 0) return setMessage({ ok: false, text: 'Fix the fields marked above.' });
    setBusy(true);
    try {
      const saved = await callRoute<Price>('PUT', `/admin/prices/${encodeURIComponent(model.trim())}`, body);
      setMessage({ ok: true, text: `Saved the prices of ${saved.model}.` });
      onSaved(saved);
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="card form" aria-label="Set prices" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="Model" id="price-model" error={errors.model}>
        {(props) => <input {...props} value={model} onChange={(e) => setModel(e.target.value)} />}
      </Field>
      {PRICE_FIELDS.map((field) => (
        <Field
          key={field.key}
          label={`${field.label}${field.key === 'batch_discount' ? '' : ' (USD)'}`}
          id={`price-${field.key}`}
          hint={field.hint}
          error={errors[field.key]}
        >
          {(props) => (
            <input
              {...props}
              inputMode="decimal"
              value={draft[field.key]}
              onChange={(e) => setDraft({ ...draft, [field.key]: e.target.value })}
            />
          )}
        </Field>
      ))}
      {message && (
        <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'status-ok' : 'form-error'}>
          {message.text}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Save prices
      </button>
    </form>
  );
}

function RoleLimits() {
  const limits = useApi(async () => dataOf(await api().GET('/admin/rate-limits')).data as RoleLimit[], []);
  const [drafts, setDrafts] = useState<Record<string, string>>({});
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  async function save(role: string, text: string) {
    const trimmed = text.trim();
    if (trimmed !== '' && !/^[1-9]\d*$/.test(trimmed))
      return setMessage({ ok: false, text: `${role}: a whole number of requests per minute, or empty for unlimited.` });
    try {
      await callRoute('PUT', `/admin/rate-limits/${encodeURIComponent(role)}`, {
        requests_per_minute: trimmed === '' ? null : Number(trimmed),
      });
      setMessage({ ok: true, text: `Saved the rate limit of ${role}.` });
      limits.reload();
    } catch (error) {
      setMessage({ ok: false, text: errorMessage(error) });
    }
  }

  return (
    <Loaded api={limits} what="the rate limits">
      {(data) => (
        <>
          <table>
            <thead>
              <tr>
                <th scope="col">Role</th>
                <th scope="col">Requests per minute</th>
                <th scope="col">Action</th>
              </tr>
            </thead>
            <tbody>
              {data.map((limit) => {
                const value = drafts[limit.role] ?? (limit.requests_per_minute === null ? '' : String(limit.requests_per_minute));
                return (
                  <tr key={limit.role}>
                    <th scope="row">{limit.role}</th>
                    <td>
                      <input
                        aria-label={`Requests per minute for ${limit.role} (empty: unlimited)`}
                        inputMode="numeric"
                        value={value}
                        placeholder="unlimited"
                        onChange={(e) => setDrafts({ ...drafts, [limit.role]: e.target.value })}
                      />
                    </td>
                    <td>
                      <button
                        type="button"
                        className="secondary"
                        aria-label={`Save the rate limit of ${limit.role}`}
                        onClick={() => void save(limit.role, value)}
                      >
                        Save
                      </button>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
          {message && (
            <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'status-ok' : 'form-error'}>
              {message.text}
            </p>
          )}
        </>
      )}
    </Loaded>
  );
}

/** Operator: every served model with its prices, the price form (all kinds, batch discount) and the rate limit of each role. */
export function AdminPricesPage() {
  const models = useApi(async () => dataOf(await api().GET('/v1/models')).data, []);
  const [editing, setEditing] = useState<{ key: number; model: string; draft: Draft }>({ key: 0, model: '', draft: draftOf(null) });
  const [loadError, setLoadError] = useState<string | null>(null);

  async function edit(model: Model) {
    try {
      const stored = await storedPrice(model.id);
      setLoadError(null);
      setEditing((e) => ({ key: e.key + 1, model: model.id, draft: draftOf(stored) }));
      document.getElementById('price-model')?.focus();
    } catch (error) {
      setLoadError(errorMessage(error));
    }
  }

  return (
    <Page title="Models and prices" intro="Prices apply from the next request on every router; each change is in the audit log.">
      <Section title="Models" id="models-title">
        <Loaded api={models} what="the models" isEmpty={(d) => d.length === 0} empty={<p>No channel serves a model yet.</p>}>
          {(data) => (
            <div className="table-wrap">
              <table>
                <thead>
                  <tr>
                    <th scope="col">Model</th>
                    <th scope="col">Type</th>
                    <th scope="col" className="num">
                      Input / M
                    </th>
                    <th scope="col" className="num">
                      Output / M
                    </th>
                    <th scope="col" className="num">
                      Cached / M
                    </th>
                    <th scope="col" className="num">
                      Per image
                    </th>
                    <th scope="col" className="num">
                      Per call
                    </th>
                    <th scope="col">Action</th>
                  </tr>
                </thead>
                <tbody>
                  {data.map((model) => (
                    <tr key={model.id}>
                      <td>{model.id}</td>
                      <td>{model.type}</td>
                      <td className="num">{formatMoney(model.pricing?.input_per_million)}</td>
                      <td className="num">{formatMoney(model.pricing?.output_per_million)}</td>
                      <td className="num">{formatMoney(model.pricing?.cached_input_per_million)}</td>
                      <td className="num">{formatMoney(model.pricing?.per_image)}</td>
                      <td className="num">{formatMoney(model.pricing?.per_call)}</td>
                      <td>
                        <button
                          type="button"
                          className="secondary"
                          aria-label={`Edit prices of ${model.id}`}
                          onClick={() => void edit(model)}
                        >
                          Edit prices
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
      <Section title="Set prices" id="set-prices-title">
        {loadError && (
          <p role="alert" className="form-error">
            {loadError}
          </p>
        )}
        <PriceForm key={editing.key} initialModel={editing.model} initial={editing.draft} onSaved={() => models.reload()} />
      </Section>
      <Section title="Rate limits per role" id="role-limits-title">
        <RoleLimits />
      </Section>
    </Page>
  );
}
