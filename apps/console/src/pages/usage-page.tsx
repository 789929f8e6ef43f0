import { useState, type FormEvent } from 'react';
import type { components } from '@switchyard/api-client';
import { api, dataOf } from '../api/client';
import { Loaded, useApi } from '../api/use-api';
import { formatCount, formatMoney } from '../format/money';
import { formatTime, formatTimeFull, rangeEndingNow, type RangeName } from '../format/time';
import { Field, Page, Section } from '../layout/page';
import { RangeField } from '../layout/range-field';

type UsageRecord = components['schemas']['UsageRecord'];

const PAGE_SIZE = 25;

interface Filters {
  range: RangeName;
  model: string;
  batchId: string;
}

/** The query both the table and the CSV export use. */
export function usageQuery(filters: Filters, nowMs: number = Date.now()): { from: string; to: string; model?: string; batch_id?: string } {
  const { from, to } = rangeEndingNow(filters.range, nowMs);
  return {
    from: String(from),
    to: String(to),
    ...(filters.model.trim() && { model: filters.model.trim() }),
    ...(filters.batchId.trim() && { batch_id: filters.batchId.trim() }),
  };
}

function tokensOf(record: UsageRecord): string {
  const parts = [`${formatCount(record.prompt_tokens)} in`, `${formatCount(record.completion_tokens)} out`];
  if (record.cached_tokens) parts.push(`${formatCount(record.cached_tokens)} cached`);
  if (record.cache_write_tokens) parts.push(`${formatCount(record.cache_write_tokens)} cache write`);
  if (record.reasoning_tokens) parts.push(`${formatCount(record.reasoning_tokens)} reasoning`);
  return parts.join(' · ');
}

/** Every request the viewer made, newest first: filters, pages, CSV. */
export function UsagePage() {
  const [draft, setDraft] = useState<Filters>({ range: '7d', model: '', batchId: '' });
  const [filters, setFilters] = useState<Filters>(draft);
  // the pages seen so far: the id each starts after (the first starts at the top)
  const [cursors, setCursors] = useState<(string | undefined)[]>([undefined]);
  const [now, setNow] = useState(() => Date.now());
  const after = cursors[cursors.length - 1];
  const query = usageQuery(filters, now);

  const usage = useApi(async () => {
    const page = dataOf(await api().GET('/v1/usage', { params: { query: { ...query, limit: PAGE_SIZE, ...(after && { after }) } } }));
    // the route also answers CSV (format=csv, the export link); asked without it, it answers JSON
    if (typeof page === 'string') throw new Error('The usage page answered CSV where JSON was asked for.');
    return page;
  }, [JSON.stringify(query), after]);

  function apply(event: FormEvent) {
    event.preventDefault();
    setFilters(draft);
    setCursors([undefined]);
    setNow(Date.now());
  }

  const csvHref = `/v1/usage?${new URLSearchParams({ ...query, format: 'csv' }).toString()}`;

  return (
    <Page
      title="Usage"
      intro="Every request you made, with its tokens and what it cost. Times are in your zone."
      actions={
        <a className="button" href={csvHref} download>
          Export CSV
        </a>
      }
    >
      <form className="filters" aria-label="Filter usage" onSubmit={apply}>
        <RangeField id="usage-range" value={draft.range} onChange={(range) => setDraft({ ...draft, range })} />
        <Field label="Model" id="usage-model">
          {(props) => (
            <input {...props} value={draft.model} placeholder="any" onChange={(e) => setDraft({ ...draft, model: e.target.value })} />
          )}
        </Field>
        <Field label="Batch" id="usage-batch">
          {(props) => (
            <input {...props} value={draft.batchId} placeholder="any" onChange={(e) => setDraft({ ...draft, batchId: e.target.value })} />
          )}
        </Field>
        <button type="submit">Apply filters</button>
      </form>
      <Section title="Requests" id="usage-requests">
        <Loaded
          api={usage}
          what="your usage"
          isEmpty={(page) => page.data.length === 0 && cursors.length === 1}
          empty={<p>No requests in this range.</p>}
        >
          {(page) => (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Time</th>
                      <th scope="col">Model</th>
                      <th scope="col">Endpoint and request</th>
                      <th scope="col">Channel</th>
                      <th scope="col">Tokens</th>
                      <th scope="col" className="num">
                        Cost
                      </th>
                      <th scope="col">Batch</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((record) => (
                      <tr key={record.request_id}>
                        <td title={formatTimeFull(record.created_at)}>{formatTime(record.created_at)}</td>
                        <td>{record.model}</td>
                        <td>
                          <code>{record.endpoint}</code>
                          <div className="muted">
                            <code>{record.request_id}</code>
                          </div>
                        </td>
                        <td>
                          {record.channel_type === 'PRIVATE' ? 'Your channel' : 'Platform'}{' '}
                          <code className="muted">{record.channel_id}</code>
                          {record.cached && ' (cache)'}
                        </td>
                        <td>
                          {tokensOf(record)}
                          {record.estimated && ' (estimated)'}
                        </td>
                        <td className="num">{formatMoney(record.cost)}</td>
                        <td>{record.batch_id ? <code>{record.batch_id}</code> : '—'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <nav className="pager" aria-label="Pages">
                <button
                  type="button"
                  className="secondary"
                  disabled={cursors.length === 1}
                  onClick={() => setCursors(cursors.slice(0, -1))}
                >
                  Newer
                </button>
                <span className="muted">Page {cursors.length}</span>
                <button
                  type="button"
                  className="secondary"
                  disabled={!page.has_more}
                  onClick={() => setCursors([...cursors, page.data[page.data.length - 1]?.request_id])}
                >
                  Older
                </button>
              </nav>
            </>
          )}
        </Loaded>
      </Section>
    </Page>
  );
}
