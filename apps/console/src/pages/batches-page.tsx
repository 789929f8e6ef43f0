import { useEffect, useState, type FormEvent } from 'react';
import type { components } from '@switchyard/api-client';
import { api, dataOf, errorMessage } from '../api/client';
import { Loaded, useApi } from '../api/use-api';
import { batchProgress, canCancel, isActive, type Batch } from '../batches/progress';
import { usePolling } from '../batches/use-polling';
import type { StoredFile } from '../files/upload';
import { formatMoney } from '../format/money';
import { formatTime } from '../format/time';
import { ConfirmDialog } from '../layout/confirm-dialog';
import { useCursorPages } from '../layout/cursor-pages';
import { NoticeLine, type Notice } from '../layout/notice-line';
import { Field, Page, Section } from '../layout/page';
import { Pager } from '../layout/pager';
import { ProgressBar } from '../layout/progress-bar';

type Endpoint = components['schemas']['CreateBatchBody']['endpoint'];
const ENDPOINTS: Endpoint[] = ['/v1/chat/completions', '/v1/embeddings', '/v1/completions', '/v1/responses'];
const PAGE_SIZE = 20;

function CreateBatchForm({ onCreated }: { onCreated: () => void }) {
  const inputs = useApi(
    async () =>
      (dataOf(await api().GET('/v1/files', { params: { query: { purpose: 'batch', limit: 100 } } })) as { data: StoredFile[] }).data,
    [],
  );
  const [fileId, setFileId] = useState('');
  const [endpoint, setEndpoint] = useState<Endpoint>('/v1/chat/completions');
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    if (inputs.state.status === 'ready' && !fileId && inputs.state.data[0]) setFileId(inputs.state.data[0].id);
  }, [inputs.state, fileId]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!fileId) {
      setMessage({ ok: false, text: 'Choose an input file (upload one on the Files page).' });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const batch: Batch = dataOf(await api().POST('/v1/batches', { body: { input_file_id: fileId, endpoint, completion_window: '24h' } }));
      setMessage({ ok: true, text: `Created ${batch.id}.` });
      onCreated();
    } catch (error) {
      setMessage({ ok: false, text: `Could not create the batch: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Loaded api={inputs} what="your batch input files">
      {(files) => (
        <form className="card form" aria-label="Create a batch" onSubmit={(e) => void submit(e)} noValidate>
          <Field
            label="Input file"
            id="batch-input"
            hint={files.length === 0 ? 'No batch input files yet: upload one on the Files page.' : undefined}
          >
            {(props) => (
              <select {...props} value={fileId} onChange={(e) => setFileId(e.target.value)}>
                {files.length === 0 && <option value="">No input files</option>}
                {files.map((f) => (
                  <option key={f.id} value={f.id}>
                    {f.filename} ({f.id})
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Endpoint" id="batch-endpoint">
            {(props) => (
              <select {...props} value={endpoint} onChange={(e) => setEndpoint(e.target.value as Endpoint)}>
                {ENDPOINTS.map((e) => (
                  <option key={e} value={e}>
                    {e}
                  </option>
                ))}
              </select>
            )}
          </Field>
          <Field label="Completion window" id="batch-window" hint="Lines not run within the window expire.">
            {(props) => (
              <select {...props} value="24h" onChange={() => undefined}>
                <option value="24h">24 hours</option>
              </select>
            )}
          </Field>
          {message && (
            <p role={message.ok ? 'status' : 'alert'} className={message.ok ? 'status-ok' : 'form-error'}>
              {message.text}
            </p>
          )}
          <button type="submit" disabled={busy}>
            Create batch
          </button>
        </form>
      )}
    </Loaded>
  );
}

/** What the batch's lines cost so far, at the batch price: billing's exact total of the batch's records. */
function BatchCost({ batchId, version }: { batchId: string; version: string }) {
  const cost = useApi(
    async () => dataOf(await api().GET('/v1/usage/daily', { params: { query: { batch_id: batchId } } })).totals.cost,
    [batchId, version],
  );
  if (cost.state.status === 'ready') return <>{formatMoney(cost.state.data)}</>;
  if (cost.state.status === 'error') return <span title={errorMessage(cost.state.error)}>unavailable</span>;
  return <>…</>;
}

function BatchRow({ batch, onCancel }: { batch: Batch; onCancel: (b: Batch) => void }) {
  const progress = batchProgress(batch.request_counts);
  const counts = batch.request_counts;
  return (
    <tr>
      <td>
        <code>{batch.id}</code>
        <div className="chat-meta">{batch.endpoint}</div>
      </td>
      <td>
        <span className={batch.status === 'failed' || batch.status === 'expired' ? 'status-bad' : undefined}>{batch.status}</span>
        {batch.errors?.data.map((e, i) => (
          <div key={i} className="form-error">
            {e.line !== null ? `Line ${e.line}: ` : ''}
            {e.message}
          </div>
        ))}
      </td>
      <td>
        <ProgressBar
          label={`Progress of ${batch.id}`}
          percent={progress.percent}
          valueText={progress.label}
          parts={[
            { width: progress.completedWidth, kind: 'ok' },
            { width: progress.failedWidth, kind: 'failed' },
          ]}
        />
        <div className="chat-meta">
          {progress.label}
          {progress.total > 0 && ` · ${progress.percent}%`}
        </div>
      </td>
      <td className="num">
        <BatchCost batchId={batch.id} version={`${batch.status}:${counts.completed}:${counts.failed}`} />
      </td>
      <td>{formatTime(batch.created_at)}</td>
      <td>
        <div className="row-actions">
          {batch.output_file_id && (
            <a href={`/v1/files/${encodeURIComponent(batch.output_file_id)}/content`} download aria-label={`Output of ${batch.id}`}>
              Output
            </a>
          )}
          {batch.error_file_id && (
            <a href={`/v1/files/${encodeURIComponent(batch.error_file_id)}/content`} download aria-label={`Errors of ${batch.id}`}>
              Errors
            </a>
          )}
          {canCancel(batch.status) && (
            <button type="button" className="secondary" aria-label={`Cancel ${batch.id}`} onClick={() => onCancel(batch)}>
              Cancel
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}

export function BatchesPage() {
  const pages = useCursorPages();
  const batches = useApi(
    async () =>
      dataOf(await api().GET('/v1/batches', { params: { query: { limit: PAGE_SIZE, ...(pages.after && { after: pages.after }) } } })),
    [pages.after],
  );
  const [cancelling, setCancelling] = useState<Batch | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);
  const watching = batches.state.status === 'ready' && batches.state.data.data.some((b) => isActive(b.status));
  usePolling(watching, batches.reload);

  async function confirmCancel() {
    if (!cancelling) return;
    setBusy(true);
    try {
      dataOf(await api().POST('/v1/batches/{batch_id}/cancel', { params: { path: { batch_id: cancelling.id } } }));
      setNotice({ ok: true, text: `Cancelling ${cancelling.id}: lines in flight finish, the rest do not run.` });
      batches.reload();
    } catch (error) {
      setNotice({ ok: false, text: `Could not cancel ${cancelling.id}: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
      setCancelling(null);
    }
  }

  return (
    <Page title="Batches" intro="Run a file of requests at the batch price; the list follows each batch while it runs.">
      <Section title="New batch" id="new-batch-title">
        <CreateBatchForm onCreated={batches.reload} />
      </Section>
      <Section title="Your batches" id="batches-title">
        <NoticeLine notice={notice} />
        <Loaded api={batches} what="your batches" isEmpty={(d) => d.data.length === 0 && !pages.after} empty={<p>No batches yet.</p>}>
          {(page) => (
            <>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Your batches, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Batch</th>
                      <th scope="col">Status</th>
                      <th scope="col">Progress</th>
                      <th scope="col" className="num">
                        Cost so far
                      </th>
                      <th scope="col">Created</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((batch) => (
                      <BatchRow key={batch.id} batch={batch} onCancel={setCancelling} />
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager
                page={pages.page}
                hasMore={page.has_more}
                onPrevious={pages.previous}
                onNext={() => page.last_id && pages.next(page.last_id)}
              />
            </>
          )}
        </Loaded>
      </Section>
      <ConfirmDialog
        open={cancelling !== null}
        title="Cancel this batch?"
        confirmLabel="Cancel batch"
        busy={busy}
        onConfirm={() => void confirmCancel()}
        onCancel={() => setCancelling(null)}
      >
        <p>Lines of {cancelling?.id} not yet run will not run; what already ran is kept and billed.</p>
      </ConfirmDialog>
    </Page>
  );
}
