import { createHash } from 'crypto';
import { readFileSync } from 'fs';
import { Readable } from 'stream';
import { adminStoredFileIds, eventually, RunningStack, startStackLikeNpmStart, validatingFetch } from '@switchyard/testing';

const MB = 1024 * 1024;
const TARGET_BYTES = 104 * MB; // under the default 105 MB cap
const RSS_BUDGET = 150 * MB;

function rssOf(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+) kB/.exec(status)![1]) * 1024;
}

/** Samples the resident memory of processes while work runs; reports each one's peak. */
function sampleRss(pids: Record<string, number>) {
  const peaks: Record<string, number> = Object.fromEntries(Object.keys(pids).map((n) => [n, rssOf(pids[n])]));
  const timer = setInterval(() => {
    for (const [name, pid] of Object.entries(pids)) peaks[name] = Math.max(peaks[name], rssOf(pid));
  }, 50);
  return { stop: () => (clearInterval(timer), peaks) };
}

/** ~4 KB JSONL lines, generated as they are sent: the test never holds the file either. */
function* jsonlLines(totalBytes: number): Generator<Buffer> {
  const padding = 'x'.repeat(4000);
  let sent = 0;
  for (let i = 0; sent < totalBytes; i++) {
    const line = Buffer.from(
      `${JSON.stringify({ custom_id: `line-${i}`, method: 'POST', url: '/v1/chat/completions', body: { model: 'mock-gpt', messages: [{ role: 'user', content: padding }] } })}\n`,
    );
    sent += line.length;
    yield line;
  }
}

describe('100+ MB files stream through with bounded memory', () => {
  let stack: RunningStack;

  beforeAll(async () => {
    // split: it meters the gateway's and the files service's memory apart, and kills the gateway alone mid-upload
    stack = await startStackLikeNpmStart({}, { mode: 'split' });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it(`uploads and downloads ${TARGET_BYTES / MB} MB with every process under ${RSS_BUDGET / MB} MB above idle`, async () => {
    // the launcher process hosts the embedded S3 server
    const pids = { gateway: stack.pids.gateway, files: stack.pids.files, 's3 (launcher)': stack.launcher.pid! };
    await validatingFetch(`${stack.gatewayUrl}/v1/files`, { headers: { authorization: `Bearer ${stack.adminKey}` } }); // warm up
    const idle = Object.fromEntries(Object.entries(pids).map(([n, pid]) => [n, rssOf(pid)]));

    const boundary = 'switchyard-large-upload';
    const upstreamHash = createHash('sha256');
    let uploaded = 0;
    const body = (function* () {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n`);
      yield Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="large.jsonl"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      );
      for (const line of jsonlLines(TARGET_BYTES)) {
        upstreamHash.update(line);
        uploaded += line.length;
        yield line;
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    })();

    const uploadSampler = sampleRss(pids);
    const response = await validatingFetch(`${stack.gatewayUrl}/v1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.adminKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Readable.from(body) as never,
      duplex: 'half',
    });
    const uploadPeaks = uploadSampler.stop();
    const file = (await response.json()) as { id: string; bytes: number };
    expect(response.status).toBe(200);
    expect(file.bytes).toBe(uploaded);
    expect(uploaded).toBeGreaterThan(100 * MB);

    const downloadSampler = sampleRss(pids);
    const download = await validatingFetch(`${stack.gatewayUrl}/v1/files/${file.id}/content`, {
      headers: { authorization: `Bearer ${stack.adminKey}` },
    });
    const downstreamHash = createHash('sha256');
    let downloaded = 0;
    for await (const chunk of download.body as unknown as AsyncIterable<Uint8Array>) {
      downstreamHash.update(chunk);
      downloaded += chunk.length;
    }
    const downloadPeaks = downloadSampler.stop();
    expect(downloaded).toBe(uploaded);
    expect(downstreamHash.digest('hex')).toBe(upstreamHash.digest('hex'));

    const report = Object.keys(pids).map((name) => ({
      name,
      idleMB: Math.round(idle[name] / MB),
      uploadPeakMB: Math.round(uploadPeaks[name] / MB),
      downloadPeakMB: Math.round(downloadPeaks[name] / MB),
    }));
    process.stdout.write(`RSS during a ${Math.round(uploaded / MB)} MB upload and download: ${JSON.stringify(report)}\n`);
    for (const name of Object.keys(pids)) {
      expect(uploadPeaks[name] - idle[name]).toBeLessThan(RSS_BUDGET);
      expect(downloadPeaks[name] - idle[name]).toBeLessThan(RSS_BUDGET);
    }
  });

  it('leaves no file and no object behind when the gateway dies mid-upload', async () => {
    const boundary = 'switchyard-crash';
    let sent = 0;
    const killAt = 40 * MB;
    const gatewayPid = stack.pids.gateway;
    const body = (async function* () {
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n`);
      yield Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="doomed.jsonl"\r\n\r\n`);
      for (const line of jsonlLines(80 * MB)) {
        sent += line.length;
        if (sent > killAt && sent - line.length <= killAt) process.kill(gatewayPid, 'SIGKILL');
        yield line;
      }
      yield Buffer.from(`\r\n--${boundary}--\r\n`);
    })();
    const outcome = await validatingFetch(`${stack.gatewayUrl}/v1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${stack.adminKey}`, 'content-type': `multipart/form-data; boundary=${boundary}` },
      body: Readable.from(body) as never,
      duplex: 'half',
    }).then(
      (r) => `answered ${r.status}`,
      (e: Error) => `failed: ${e.message}`,
    );
    expect(outcome).toMatch(/^failed/);

    // the launcher restarts the gateway; then nothing of the dead upload is listed or stored
    await eventually(
      'the gateway to be back',
      () =>
        validatingFetch(`${stack.gatewayUrl}/health`).then(
          (r) => r.status === 200,
          () => false,
        ),
      { timeoutMs: 20_000, intervalMs: 200 },
    );
    const listed = (await (
      await validatingFetch(`${stack.gatewayUrl}/v1/files?limit=100`, { headers: { authorization: `Bearer ${stack.adminKey}` } })
    ).json()) as { data: { id: string; filename: string }[] };
    expect(listed.data.map((f) => f.filename)).not.toContain('doomed.jsonl');
    expect((await adminStoredFileIds(stack)).sort()).toEqual(listed.data.map((f) => f.id).sort());
  });
});
