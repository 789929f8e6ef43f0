import { useState, type FormEvent } from 'react';
import { api, dataOf, errorMessage } from '../api/client';
import { Loaded, useApi } from '../api/use-api';
import { validateBatchJsonl, type JsonlVerdict } from '../files/jsonl';
import { readText } from '../files/read-text';
import { formatBytes, uploadFile, type StoredFile, type UploadPurpose } from '../files/upload';
import { formatTime } from '../format/time';
import { ConfirmDialog } from '../layout/confirm-dialog';
import { useCursorPages } from '../layout/cursor-pages';
import { NoticeLine, type Notice } from '../layout/notice-line';
import { Field, Page, Section } from '../layout/page';
import { Pager } from '../layout/pager';
import { ProgressBar } from '../layout/progress-bar';

const PAGE_SIZE = 20;

interface FilePage {
  data: StoredFile[];
  has_more: boolean;
  last_id: string | null;
}

type UploadState =
  | { phase: 'idle' }
  | { phase: 'checking' }
  | { phase: 'invalid'; verdict: JsonlVerdict }
  | { phase: 'uploading'; sent: number; total: number; abort: () => void }
  | { phase: 'done'; file: StoredFile }
  | { phase: 'failed'; message: string };

/** Upload with progress; a batch file is checked line by line in the browser first (the server checks again). */
export function UploadForm({ onUploaded }: { onUploaded: () => void }) {
  const [file, setFile] = useState<File | null>(null);
  const [purpose, setPurpose] = useState<UploadPurpose>('batch');
  const [state, setState] = useState<UploadState>({ phase: 'idle' });

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) {
      setState({ phase: 'failed', message: 'Choose a file first.' });
      return;
    }
    if (purpose === 'batch') {
      setState({ phase: 'checking' });
      const verdict = validateBatchJsonl(await readText(file));
      if (verdict.problems.length > 0) {
        setState({ phase: 'invalid', verdict });
        return;
      }
    }
    const handle = uploadFile(file, purpose, (sent, total) => setState({ phase: 'uploading', sent, total, abort: handle.abort }));
    setState({ phase: 'uploading', sent: 0, total: file.size, abort: handle.abort });
    try {
      const stored = await handle.done;
      setState({ phase: 'done', file: stored });
      onUploaded();
    } catch (error) {
      setState({ phase: 'failed', message: errorMessage(error) });
    }
  }

  const busy = state.phase === 'checking' || state.phase === 'uploading';
  const percent = state.phase === 'uploading' && state.total > 0 ? Math.floor((state.sent * 100) / state.total) : 0;
  return (
    <form className="card form" aria-label="Upload a file" onSubmit={(e) => void submit(e)} noValidate>
      <Field label="File" id="upload-file" hint="Batch input files are JSON Lines: one request per line.">
        {(props) => (
          <input
            {...props}
            type="file"
            onChange={(e) => {
              setFile(e.target.files?.[0] ?? null);
              setState({ phase: 'idle' });
            }}
          />
        )}
      </Field>
      <Field label="Purpose" id="upload-purpose">
        {(props) => (
          <select {...props} value={purpose} onChange={(e) => setPurpose(e.target.value as UploadPurpose)}>
            <option value="batch">batch (input of a batch)</option>
            <option value="user_data">user_data</option>
            <option value="vision">vision</option>
          </select>
        )}
      </Field>
      {state.phase === 'invalid' && (
        <div role="alert" className="form-error">
          <p>This is not a valid batch file; nothing was uploaded.</p>
          <ul className="problems">
            {state.verdict.problems.map((p) => (
              <li key={`${p.line}-${p.reason}`}>
                Line {p.line}: {p.reason}
              </li>
            ))}
          </ul>
          {state.verdict.truncated && <p>…and more.</p>}
        </div>
      )}
      {state.phase === 'uploading' && (
        <div>
          <ProgressBar label="Upload progress" percent={percent} valueText={`${formatBytes(state.sent)} of ${formatBytes(state.total)}`} />
          <p role="status">
            Uploading… {percent}% ({formatBytes(state.sent)} of {formatBytes(state.total)}){' '}
            <button type="button" className="link-button" onClick={state.abort}>
              Cancel upload
            </button>
          </p>
        </div>
      )}
      {state.phase === 'done' && (
        <p role="status" className="status-ok">
          Uploaded {state.file.filename} as {state.file.id}.
        </p>
      )}
      {state.phase === 'failed' && (
        <p role="alert" className="form-error">
          Upload failed: {state.message}
        </p>
      )}
      <button type="submit" disabled={busy}>
        Upload
      </button>
    </form>
  );
}

export function FilesPage() {
  const pages = useCursorPages();
  const files = useApi(
    async () =>
      dataOf(
        await api().GET('/v1/files', { params: { query: { limit: PAGE_SIZE, ...(pages.after && { after: pages.after }) } } }),
      ) as FilePage,
    [pages.after],
  );
  const [deleting, setDeleting] = useState<StoredFile | null>(null);
  const [busy, setBusy] = useState(false);
  const [notice, setNotice] = useState<Notice>(null);

  async function confirmDelete() {
    if (!deleting) return;
    setBusy(true);
    try {
      dataOf(await api().DELETE('/v1/files/{file_id}', { params: { path: { file_id: deleting.id } } }));
      setNotice({ ok: true, text: `Deleted ${deleting.filename}.` });
      files.reload();
    } catch (error) {
      setNotice({ ok: false, text: `Could not delete ${deleting.filename}: ${errorMessage(error)}` });
    } finally {
      setBusy(false);
      setDeleting(null);
    }
  }

  return (
    <Page title="Files" intro="Inputs for batches and other files, and the results batches write.">
      <Section title="Upload" id="upload-title">
        <UploadForm onUploaded={files.reload} />
      </Section>
      <Section title="Your files" id="files-title">
        <NoticeLine notice={notice} />
        <Loaded api={files} what="your files" isEmpty={(d) => d.data.length === 0 && !pages.after} empty={<p>No files yet.</p>}>
          {(page) => (
            <>
              <div className="table-wrap">
                <table>
                  <caption className="visually-hidden">Your files, newest first</caption>
                  <thead>
                    <tr>
                      <th scope="col">Name</th>
                      <th scope="col">ID</th>
                      <th scope="col">Purpose</th>
                      <th scope="col" className="num">
                        Size
                      </th>
                      <th scope="col">Created</th>
                      <th scope="col">Expires</th>
                      <th scope="col">Actions</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.data.map((file) => (
                      <tr key={file.id}>
                        <td>{file.filename}</td>
                        <td>
                          <code>{file.id}</code>
                        </td>
                        <td>{file.purpose}</td>
                        <td className="num">{formatBytes(file.bytes)}</td>
                        <td>{formatTime(file.created_at)}</td>
                        <td>{formatTime(file.expires_at)}</td>
                        <td>
                          <div className="row-actions">
                            <a
                              href={`/v1/files/${encodeURIComponent(file.id)}/content`}
                              download={file.filename}
                              aria-label={`Download ${file.filename}`}
                            >
                              Download
                            </a>
                            <button
                              type="button"
                              className="secondary"
                              aria-label={`Delete ${file.filename}`}
                              onClick={() => setDeleting(file)}
                            >
                              Delete
                            </button>
                          </div>
                        </td>
                      </tr>
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
        open={deleting !== null}
        title="Delete this file?"
        confirmLabel="Delete file"
        busy={busy}
        onConfirm={() => void confirmDelete()}
        onCancel={() => setDeleting(null)}
      >
        <p>
          {deleting?.filename} ({deleting?.id}) is deleted for good; a batch that is still reading it keeps its own copy of the lines.
        </p>
      </ConfirmDialog>
    </Page>
  );
}
