import { useState, type FormEvent } from 'react';
import type { components } from '@switchyard/api-client';
import { api, dataOf } from '../api/client';
import { Loaded, useApi } from '../api/use-api';
import { localInputToUnix } from '../admin/local-time';
import { formatTime, formatTimeFull, viewerTimeZone } from '../format/time';
import { useCursorPages } from '../layout/cursor-pages';
import { Field, Page, Section } from '../layout/page';
import { Pager } from '../layout/pager';

type AuditEntry = components['schemas']['AuditEntry'];

interface Filters {
  actor: string;
  action: string;
  target: string;
  from: string;
  to: string;
}
const NO_FILTERS: Filters = { actor: '', action: '', target: '', from: '', to: '' };

function Json({ value, label }: { value: unknown; label: string }) {
  if (value === null || value === undefined) return <span className="chat-meta">—</span>;
  return (
    <pre className="json" tabIndex={0} aria-label={label}>
      {JSON.stringify(value, null, 2)}
    </pre>
  );
}

/** Operator: the append-only log of admin actions and sign-ins, filtered and paged by the server. */
export function AdminAuditPage() {
  const [draft, setDraft] = useState<Filters>(NO_FILTERS);
  const [filters, setFilters] = useState<Filters>(NO_FILTERS);
  const pages = useCursorPages();
  const log = useApi(async () => {
    const from = localInputToUnix(filters.from);
    const to = localInputToUnix(filters.to);
    const query = {
      limit: 20,
      ...(filters.actor.trim() && { actor_user_id: filters.actor.trim() }),
      ...(filters.action.trim() && { action: filters.action.trim() }),
      ...(filters.target.trim() && { target_id: filters.target.trim() }),
      ...(from !== undefined && { from: String(from) }),
      ...(to !== undefined && { to: String(to) }),
      ...(pages.after && { after: pages.after }),
    };
    return dataOf(await api().GET('/admin/audit-log', { params: { query } }));
  }, [filters, pages.after]);

  function apply(event: FormEvent) {
    event.preventDefault();
    pages.first();
    setFilters(draft);
  }

  const set = (key: keyof Filters) => (e: React.ChangeEvent<HTMLInputElement>) => setDraft({ ...draft, [key]: e.target.value });
  return (
    <Page title="Audit log" intro={`Every admin action and sign-in, newest first; secrets are never stored. Times in ${viewerTimeZone()}.`}>
      <form className="filters" aria-label="Audit log filters" onSubmit={apply}>
        <Field label="Actor (user id)" id="audit-actor">
          {(props) => <input {...props} value={draft.actor} onChange={set('actor')} />}
        </Field>
        <Field label="Action" id="audit-action" hint="e.g. price.set, user.create">
          {(props) => <input {...props} value={draft.action} onChange={set('action')} />}
        </Field>
        <Field label="Target id" id="audit-target">
          {(props) => <input {...props} value={draft.target} onChange={set('target')} />}
        </Field>
        <Field label="From" id="audit-from">
          {(props) => <input {...props} type="datetime-local" value={draft.from} onChange={set('from')} />}
        </Field>
        <Field label="To" id="audit-to">
          {(props) => <input {...props} type="datetime-local" value={draft.to} onChange={set('to')} />}
        </Field>
        <button type="submit">Filter</button>
        <button
          type="button"
          className="secondary"
          onClick={() => {
            setDraft(NO_FILTERS);
            pages.first();
            setFilters(NO_FILTERS);
          }}
        >
          Clear
        </button>
      </form>
      <Section title="Entries" id="audit-entries-title">
        <Loaded api={log} what="the audit log" isEmpty={(d) => d.data.length === 0 && !pages.after} empty={<p>No entries match.</p>}>
          {(page) => (
            <>
              <div className="table-wrap">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">Time</th>
                      <th scope="col">Actor</th>
                      <th scope="col">Action</th>
                      <th scope="col">Target</th>
                      <th scope="col">Before</th>
                      <th scope="col">After</th>
                      <th scope="col">Address</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((entry: AuditEntry) => (
                      <tr key={entry.id}>
                        <td title={formatTimeFull(entry.created_at)}>{formatTime(entry.created_at)}</td>
                        <td>
                          {entry.actor ? (
                            <>
                              <code>{entry.actor.user_id}</code>
                              <div className="chat-meta">{entry.actor.key_id}</div>
                            </>
                          ) : (
                            '—'
                          )}
                        </td>
                        <td>
                          <code>{entry.action}</code>
                        </td>
                        <td>
                          {entry.target.type} <code>{entry.target.id ?? ''}</code>
                        </td>
                        <td>
                          <Json value={entry.before} label={`State before ${entry.action} ${entry.id}`} />
                        </td>
                        <td>
                          <Json value={entry.after} label={`State after ${entry.action} ${entry.id}`} />
                        </td>
                        <td>{entry.caller_address ?? '—'}</td>
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
    </Page>
  );
}
