import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { UploadForm } from './files-page';

/** An XMLHttpRequest the test drives: it records what was sent and fires progress and the answer when told. */
class FakeXhr {
  static last: FakeXhr | null = null;
  upload: { onprogress: ((e: { loaded: number; total: number; lengthComputable: boolean }) => void) | null } = { onprogress: null };
  onload: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onabort: (() => void) | null = null;
  status = 0;
  responseText = '';
  method = '';
  url = '';
  body: FormData | null = null;
  constructor() {
    FakeXhr.last = this;
  }
  open(method: string, url: string) {
    this.method = method;
    this.url = url;
  }
  setRequestHeader() {}
  send(body: FormData) {
    this.body = body;
  }
  abort() {
    this.onabort?.();
  }
  answer(status: number, body: unknown) {
    this.status = status;
    this.responseText = JSON.stringify(body);
    this.onload?.();
  }
}

const line = (id: string) => JSON.stringify({ custom_id: id, method: 'POST', url: '/v1/chat/completions', body: { model: 'm' } });
const jsonlFile = (text: string, name = 'input.jsonl') => new File([text], name, { type: 'application/jsonl' });

describe('the upload form', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
    FakeXhr.last = null;
  });

  it('names every bad line of a batch file and sends nothing', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    render(<UploadForm onUploaded={() => undefined} />);
    await userEvent.upload(screen.getByLabelText('File'), jsonlFile(`${line('a')}\nnot json\n${line('a')}\n`));
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('Line 2: not valid JSON');
    expect(alert).toHaveTextContent('Line 3: duplicate custom_id "a"');
    expect(FakeXhr.last).toBeNull();
  });

  it('shows the upload progress, then the stored file, and tells the page', async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    const onUploaded = vi.fn();
    render(<UploadForm onUploaded={onUploaded} />);
    const file = jsonlFile(`${line('a')}\n${line('b')}\n`);
    await userEvent.upload(screen.getByLabelText('File'), file);
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    const xhr = await vi.waitFor(() => FakeXhr.last ?? Promise.reject(new Error('not sent yet')));
    expect([xhr.method, xhr.url]).toEqual(['POST', '/v1/files']);
    expect(xhr.body?.get('purpose')).toBe('batch');

    act(() => xhr.upload.onprogress?.({ loaded: 50, total: 200, lengthComputable: true }));
    const bar = screen.getByRole('progressbar', { name: 'Upload progress' });
    expect(bar).toHaveAttribute('aria-valuenow', '25');
    expect(bar).toHaveAttribute('aria-valuetext', '50 B of 200 B');
    expect(screen.getByRole('button', { name: 'Upload' })).toBeDisabled();

    act(() => xhr.answer(200, { id: 'file-1', object: 'file', filename: 'input.jsonl', purpose: 'batch', bytes: 200 }));
    expect(await screen.findByText('Uploaded input.jsonl as file-1.')).toBeInTheDocument();
    expect(onUploaded).toHaveBeenCalledTimes(1);
  });

  it("shows the server's refusal in its own words", async () => {
    vi.stubGlobal('XMLHttpRequest', FakeXhr);
    render(<UploadForm onUploaded={() => undefined} />);
    await userEvent.selectOptions(screen.getByLabelText('Purpose'), 'user_data');
    await userEvent.upload(screen.getByLabelText('File'), jsonlFile('x', 'big.bin'));
    await userEvent.click(screen.getByRole('button', { name: 'Upload' }));
    const xhr = await vi.waitFor(() => FakeXhr.last ?? Promise.reject(new Error('not sent yet')));
    act(() =>
      xhr.answer(413, {
        error: { message: 'The file is larger than 65536 bytes', type: 'invalid_request_error', param: 'file', code: 'file_too_large' },
      }),
    );
    expect(await screen.findByRole('alert')).toHaveTextContent('Upload failed: The file is larger than 65536 bytes');
  });
});
