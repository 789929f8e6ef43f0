import { connect } from 'net';
import {
  apiCaller,
  checkRawExchange,
  createUserWithKey,
  RunningStack,
  startStackLikeNpmStart,
  uncheckedFetch,
  validatingFetch,
} from '@switchyard/testing';

/**
 * What may come in at the edge: a caller cannot name object keys, a broken body is a 400 (never a
 * crash or a 500), and limits answer in the API's own error envelope.
 */
describe('edge: parsers and what callers control', () => {
  let stack: RunningStack;
  let call: ReturnType<typeof apiCaller>;

  const mockRequests = async (): Promise<unknown[]> =>
    ((await (await uncheckedFetch(`${stack.mockUrl}/__mock/requests`)).json()) as { data: unknown[] }).data;
  const clearMockRequests = () => uncheckedFetch(`${stack.mockUrl}/__mock/requests`, { method: 'DELETE' });

  /**
   * Writes `head` + `body` on a raw socket; `end`: half-close after writing, `destroy`: drop the connection.
   * Resolves with whatever came back, once checked against the OpenAPI document.
   */
  async function rawExchange(head: string, body: Buffer, after: 'wait' | 'end' | 'destroy'): Promise<string> {
    const raw = await socketExchange(head, body, after);
    checkRawExchange(head, raw);
    return raw.toString('utf8');
  }

  function socketExchange(head: string, body: Buffer, after: 'wait' | 'end' | 'destroy'): Promise<Buffer> {
    const url = new URL(stack.gatewayUrl);
    return new Promise((resolve) => {
      const socket = connect(Number(url.port), url.hostname);
      const received: Buffer[] = [];
      const done = () => resolve(Buffer.concat(received));
      const timer = setTimeout(() => socket.destroy(), 3_000);
      socket.on('data', (chunk) => received.push(chunk));
      socket.on('close', () => {
        clearTimeout(timer);
        done();
      });
      socket.on('error', () => undefined);
      socket.on('connect', () => {
        socket.write(head);
        socket.write(body, () => {
          if (after === 'end') socket.end();
          if (after === 'destroy') setTimeout(() => socket.destroy(), 50);
        });
      });
    });
  }

  function multipartHead(path: string, key: string, boundary: string, contentLength: number): string {
    const url = new URL(stack.gatewayUrl);
    return [
      `POST ${path} HTTP/1.1`,
      `Host: ${url.host}`,
      `Authorization: Bearer ${key}`,
      `Content-Type: multipart/form-data; boundary=${boundary}`,
      `Content-Length: ${contentLength}`,
      'Connection: close',
      '',
      '',
    ].join('\r\n');
  }

  const statusOf = (raw: string) => Number(/^HTTP\/1\.1 (\d{3})/.exec(raw)?.[1] ?? 0);
  const jsonOf = (raw: string) => JSON.parse(raw.slice(raw.indexOf('\r\n\r\n') + 4));

  async function postMultipart(
    path: string,
    key: string,
    contentType: string | null,
    body: string,
  ): Promise<{ status: number; body: any }> {
    const response = await validatingFetch(`${stack.gatewayUrl}${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}`, ...(contentType !== null && { 'content-type': contentType }) },
      body,
    });
    const text = await response.text();
    return { status: response.status, body: JSON.parse(text) };
  }

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    call = apiCaller(stack);
    await call('POST', '/admin/channels', stack.adminKey, {
      name: 'edge-media',
      provider: 'openai',
      base_url: `${stack.mockUrl}/v1`,
      api_key: 'k',
      models: ['gpt-image-2', 'mock-whisper'],
    });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  describe("finding 2: object keys are the server's, never the caller's", () => {
    it("refuses a JSON image edit that names a parked object key, and sends no byte of another tenant's file upstream", async () => {
      const victim = await createUserWithKey(stack, { name: 'victim' });
      const attacker = await createUserWithKey(stack, { name: 'attacker' });
      const secret = Buffer.concat([
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
        Buffer.from("the victim's private picture ".repeat(20)),
      ]);
      const form = new FormData();
      form.append('purpose', 'user_data');
      form.append('file', new Blob([secret], { type: 'image/png' }), 'private.png');
      const uploaded = await validatingFetch(`${stack.gatewayUrl}/v1/files`, {
        method: 'POST',
        headers: { authorization: `Bearer ${victim.key}` },
        body: form,
      });
      expect(uploaded.status).toBe(200);
      const fileId = ((await uploaded.json()) as { id: string }).id;
      await clearMockRequests();

      const keys = [
        `tmp/${attacker.userId}/../../files/${victim.userId}/${fileId}`,
        `tmp/${attacker.userId}/x/../../../files/${victim.userId}/${fileId}`,
        `files/${victim.userId}/${fileId}`,
        `/files/${victim.userId}/${fileId}`,
      ];
      const dataUrl = `data:image/png;base64,${Buffer.from('mine').toString('base64')}`;
      for (const objectKey of keys) {
        const parked = { objectKey, filename: 'x.png', mediaType: 'image/png', bytes: secret.length };
        for (const body of [
          { prompt: 'steal', images: [{ image_url: dataUrl, parked }] },
          { prompt: 'steal', images: [{ parked }] },
          { prompt: 'steal', images: [{ image_url: dataUrl }], mask: { image_url: dataUrl, parked } },
        ]) {
          const answer = await call('POST', '/v1/images/edits', attacker.key, body);
          expect(answer.status).toBe(400);
          expect(answer.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_value' });
          expect(answer.body.error.param).toMatch(/parked$/);
        }
      }
      const sent = JSON.stringify(await mockRequests());
      expect(sent).not.toContain(secret.toString('base64'));
      expect(sent).not.toContain('private picture');
      expect(sent).not.toContain('/v1/images/edits');
    });
  });

  describe('finding 3: no request takes the gateway down', () => {
    it('answers truncated multipart bodies on every multipart route and keeps the same process serving', async () => {
      const user = await createUserWithKey(stack, { name: 'truncator' });
      const gatewayPid = stack.pids.gateway;
      expect(gatewayPid).toBeGreaterThan(0);
      const boundary = 'TRUNCATEDxyz';
      const routes: [string, string][] = [
        ['/v1/files', 'purpose'],
        ['/v1/audio/transcriptions', 'model'],
        ['/v1/images/edits', 'prompt'],
      ];
      for (const [path, field] of routes) {
        const fileField = path === '/v1/images/edits' ? 'image' : 'file';
        const value = path === '/v1/files' ? 'batch' : path === '/v1/audio/transcriptions' ? 'mock-whisper' : 'edit me';
        const partial = Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="${field}"\r\n\r\n${value}\r\n` +
            `--${boundary}\r\nContent-Disposition: form-data; name="${fileField}"; filename="a.bin"\r\nContent-Type: application/octet-stream\r\n\r\n` +
            '{"custom_id":"1","method":"POST","url":"/v1/chat/completions","body":{"model":"mock-gpt","messages":[{"role":"user"',
        );
        // the body the head declares arrives whole, but it ends in the middle of a part
        const cutShort = await rawExchange(multipartHead(path, user.key, boundary, partial.length), partial, 'wait');
        expect(statusOf(cutShort)).toBe(400);
        expect(jsonOf(cutShort).error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_value' });
        // the head promises more than ever comes: the caller half-closes, or drops the connection
        await rawExchange(multipartHead(path, user.key, boundary, partial.length + 100_000), partial, 'end');
        await rawExchange(multipartHead(path, user.key, boundary, partial.length + 100_000), partial, 'destroy');
      }
      await new Promise((r) => setTimeout(r, 500));
      expect(() => process.kill(gatewayPid, 0)).not.toThrow();
      const models = await call('GET', '/v1/models', user.key);
      expect(models.status).toBe(200);
      const chat = await call('POST', '/v1/chat/completions', user.key, {
        model: 'mock-gpt',
        messages: [{ role: 'user', content: 'still there?' }],
      });
      expect(chat.status).toBe(200);
      // nothing a broken upload started stays parked
      const parked = await uncheckedFetch(`${stack.s3Endpoint}/switchyard?list-type=2&prefix=tmp/`).then((r) => r.text());
      expect(parked).not.toContain('<Key>');
    });
  });

  describe('finding 8: parsers answer 400 with the envelope, limits answer in the envelope', () => {
    let key: string;
    beforeAll(async () => {
      key = (await createUserWithKey(stack, { name: 'parser' })).key;
    });

    it("refuses JSON nested thousands of levels deep, naming the body, in the route's envelope", async () => {
      const deep = `${'['.repeat(50_000)}${']'.repeat(50_000)}`;
      const chat = await call(
        'POST',
        '/v1/chat/completions',
        key,
        `{"model":"mock-gpt","messages":[{"role":"user","content":"x"}],"extra":${deep}}`,
      );
      expect(chat.status).toBe(400);
      expect(chat.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_json', param: 'body' });
      const messages = await call(
        'POST',
        '/v1/messages',
        key,
        `{"model":"mock-claude","max_tokens":5,"messages":[{"role":"user","content":${deep}}]}`,
      );
      expect(messages.status).toBe(400);
      expect(messages.body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
      const objects = await call(
        'POST',
        '/v1/embeddings',
        key,
        `{"model":"mock-embedding","input":"x","o":${'{"a":'.repeat(5_000)}1${'}'.repeat(5_000)}}`,
      );
      expect(objects.status).toBe(400);
      expect(objects.body.error).toMatchObject({ code: 'invalid_json', param: 'body' });
    });

    it('refuses multipart bodies without a boundary, with another boundary, or with control characters in part headers', async () => {
      const filePart = (boundary: string, name = 'file', filename = 'a.jsonl') =>
        `--${boundary}\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nuser_data\r\n` +
        `--${boundary}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--${boundary}--\r\n`;
      for (const path of ['/v1/files', '/v1/audio/transcriptions', '/v1/images/edits']) {
        const noBoundary = await postMultipart(path, key, 'multipart/form-data', filePart('abc'));
        expect(noBoundary.status).toBe(400);
        expect(noBoundary.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_value' });
        const otherBoundary = await postMultipart(path, key, 'multipart/form-data; boundary=declared', filePart('actual'));
        expect(otherBoundary.status).toBe(400);
        expect(otherBoundary.body.error).toMatchObject({ type: 'invalid_request_error' });
        const control = await postMultipart(
          path,
          key,
          'multipart/form-data; boundary=abc',
          filePart('abc', 'file', 'a\u0001b\u0007.jsonl'),
        );
        expect(control.status).toBe(400);
        expect(control.body.error).toMatchObject({ type: 'invalid_request_error', code: 'invalid_value' });
      }
    });

    it('refuses two file parts in one upload, naming the parameter', async () => {
      const b = 'twofiles';
      const part = (name: string, filename: string) =>
        `--${b}\r\nContent-Disposition: form-data; name="${name}"; filename="${filename}"\r\nContent-Type: text/plain\r\n\r\nhello\r\n`;
      const field = (name: string, value: string) => `--${b}\r\nContent-Disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`;
      const upload = await postMultipart(
        '/v1/files',
        key,
        `multipart/form-data; boundary=${b}`,
        `${field('purpose', 'user_data')}${part('file', 'a.txt')}${part('file', 'b.txt')}--${b}--\r\n`,
      );
      expect(upload.status).toBe(400);
      expect(upload.body.error).toMatchObject({ code: 'invalid_value', param: 'file' });
      const audio = await postMultipart(
        '/v1/audio/transcriptions',
        key,
        `multipart/form-data; boundary=${b}`,
        `${field('model', 'mock-whisper')}${part('file', 'a.mp3')}${part('file', 'b.mp3')}--${b}--\r\n`,
      );
      expect(audio.status).toBe(400);
      expect(audio.body.error).toMatchObject({ code: 'invalid_value', param: 'file' });
      const edit = await postMultipart(
        '/v1/images/edits',
        key,
        `multipart/form-data; boundary=${b}`,
        `${field('prompt', 'x')}${part('image', 'a.png')}${part('mask', 'm.png')}${part('mask', 'n.png')}--${b}--\r\n`,
      );
      expect(edit.status).toBe(400);
      expect(edit.body.error).toMatchObject({ code: 'invalid_value', param: 'mask' });
    });

    it("answers 413 (body too large) in the OpenAI envelope, and in Anthropic's on Anthropic routes", async () => {
      // a body over the limit is refused from its Content-Length, before it is read: read the answer on a raw socket
      const url = new URL(stack.gatewayUrl);
      const hugeHead = (path: string, extra: string[] = []) =>
        [
          `POST ${path} HTTP/1.1`,
          `Host: ${url.host}`,
          `Authorization: Bearer ${key}`,
          'Content-Type: application/json',
          `Content-Length: ${20 * 1024 * 1024}`,
          ...extra,
          '',
          '',
        ].join('\r\n');
      const start = Buffer.from('{"model":"mock-gpt","messages":[{"role":"user","content":"');
      const tooLarge = await rawExchange(hugeHead('/v1/chat/completions'), start, 'wait');
      expect(statusOf(tooLarge)).toBe(413);
      expect(jsonOf(tooLarge).error).toMatchObject({ type: 'invalid_request_error', code: 'request_too_large' });
      const tooLargeAnthropic = await rawExchange(hugeHead('/v1/messages', ['anthropic-version: 2023-06-01']), start, 'wait');
      expect(statusOf(tooLargeAnthropic)).toBe(413);
      expect(jsonOf(tooLargeAnthropic)).toMatchObject({ type: 'error', error: { type: 'request_too_large' } });
    });

    it("answers 414 (URI too long) in the OpenAI envelope, and in Anthropic's on Anthropic routes", async () => {
      const longQuery = `q=${'a'.repeat(10_000)}`;
      const uriTooLong = await call('GET', `/v1/models?${longQuery}`, key);
      expect(uriTooLong.status).toBe(414);
      expect(uriTooLong.body.error).toMatchObject({ type: 'invalid_request_error', code: 'request_too_large' });
      const uriTooLongAnthropic = await call('POST', `/v1/messages?${longQuery}`, key, {
        model: 'mock-claude',
        max_tokens: 5,
        messages: [{ role: 'user', content: 'x' }],
      });
      expect(uriTooLongAnthropic.status).toBe(414);
      expect(uriTooLongAnthropic.body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    });

    it("answers 431 (headers too large) in the OpenAI envelope, and in Anthropic's on Anthropic routes", async () => {
      const bigHeader = { 'x-filler': 'h'.repeat(40_000) };
      const headersTooLarge = await call('GET', '/v1/models', key, undefined, bigHeader);
      expect(headersTooLarge.status).toBe(431);
      expect(headersTooLarge.body.error).toMatchObject({ type: 'invalid_request_error', code: 'request_too_large' });
      const headersTooLargeAnthropic = await call(
        'POST',
        '/v1/messages',
        key,
        { model: 'mock-claude', max_tokens: 5, messages: [] },
        bigHeader,
      );
      expect(headersTooLargeAnthropic.status).toBe(431);
      expect(headersTooLargeAnthropic.body).toMatchObject({ type: 'error', error: { type: 'invalid_request_error' } });
    });
  });
});
