import OpenAI, { toFile } from 'openai';
import { adminStoredFileIds, createUserWithKey, NewUser, RunningStack, startStackLikeNpmStart, validatingFetch } from '@switchyard/testing';

const MAX_UPLOAD = 1024 * 1024;
const line = (id: string) =>
  JSON.stringify({
    custom_id: id,
    method: 'POST',
    url: '/v1/chat/completions',
    body: { model: 'mock-gpt', messages: [{ role: 'user', content: id }] },
  });
const jsonl = (...ids: string[]) => `${ids.map(line).join('\n')}\n`;

/** The Files API as users meet it: the openai SDK, raw HTTP for every error code, and tenancy. */
describe('Files API', () => {
  let stack: RunningStack;
  let admin: OpenAI;
  let alice: { key: string; client: OpenAI };
  let bob: { key: string; client: OpenAI };

  async function newUser(name: string, scopes?: NewUser['scopes']) {
    const { key } = await createUserWithKey(stack, { name, scopes });
    return { key, client: new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch }) };
  }

  async function rawUpload(key: string, parts: { name: string; value: string | Blob; filename?: string }[]) {
    const form = new FormData();
    for (const part of parts) {
      if (part.filename) form.append(part.name, part.value, part.filename);
      else form.append(part.name, part.value);
    }
    const response = await validatingFetch(`${stack.gatewayUrl}/v1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: form,
    });
    return { status: response.status, body: (await response.json()) as any };
  }

  beforeAll(async () => {
    stack = await startStackLikeNpmStart({ SWITCHYARD_MAX_UPLOAD_BYTES: String(MAX_UPLOAD) });
    admin = new OpenAI({ apiKey: stack.adminKey, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    [alice, bob] = await Promise.all([newUser('alice'), newUser('bob')]);
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('uploads, retrieves, downloads and deletes a batch file with the SDK', async () => {
    const content = jsonl('a', 'b', 'c');
    const created = await alice.client.files.create({ file: await toFile(Buffer.from(content), 'requests.jsonl'), purpose: 'batch' });
    expect(created).toMatchObject({
      id: expect.stringMatching(/^file-/),
      object: 'file',
      bytes: Buffer.byteLength(content),
      filename: 'requests.jsonl',
      purpose: 'batch',
      status: 'processed',
      status_details: null,
    });
    expect(created.expires_at! - created.created_at).toBe(30 * 24 * 3600);
    expect(await alice.client.files.retrieve(created.id)).toEqual(created);
    const download = await alice.client.files.content(created.id);
    expect(download.headers.get('content-type')).toBe('application/jsonl');
    expect(await download.text()).toBe(content);
    expect(await alice.client.files.delete(created.id)).toEqual({ id: created.id, object: 'file', deleted: true });
    await expect(alice.client.files.retrieve(created.id)).rejects.toMatchObject({ status: 404, code: 'INFERENCE_3302', param: 'id' });
  });

  it('accepts image reference files and expires_after', async () => {
    const png = Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex');
    const created = await alice.client.files.create({
      file: await toFile(png, 'ref.png', { type: 'image/png' }),
      purpose: 'vision',
      expires_after: { anchor: 'created_at', seconds: 3600 },
    });
    expect(created).toMatchObject({ purpose: 'vision', bytes: png.length });
    expect(created.expires_at! - created.created_at).toBe(3600);
    const download = await alice.client.files.content(created.id);
    expect(download.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await download.arrayBuffer())).toEqual(png);
    const userData = await alice.client.files.create({ file: await toFile(Buffer.from('notes'), 'notes.txt'), purpose: 'user_data' });
    expect(userData.expires_at).toBeNull();
  });

  it('lists with auto-paging, filters by purpose, and serves ranges', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await bob.client.files.create({ file: await toFile(Buffer.from(jsonl(`p${i}`)), `p${i}.jsonl`), purpose: 'batch' })).id);
    await bob.client.files.create({ file: await toFile(Buffer.from('x'), 'x.txt'), purpose: 'user_data' });
    const seen: string[] = [];
    for await (const file of bob.client.files.list({ limit: 2, purpose: 'batch' })) seen.push(file.id);
    expect(seen).toEqual([...ids].reverse());
    const page = await bob.client.files.list({ limit: 2, order: 'asc' });
    expect(page.data.map((f) => f.id)).toEqual(ids.slice(0, 2));
    expect((page as any).body).toMatchObject({ object: 'list', first_id: ids[0], last_id: ids[1], has_more: true });

    const ranged = await validatingFetch(`${stack.gatewayUrl}/v1/files/${ids[0]}/content`, {
      headers: { authorization: `Bearer ${bob.key}`, range: 'bytes=0-12' },
    });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get('content-range')).toMatch(/^bytes 0-12\/\d+$/);
    expect(await ranged.text()).toBe('{"custom_id":');
    const beyond = await validatingFetch(`${stack.gatewayUrl}/v1/files/${ids[0]}/content`, {
      headers: { authorization: `Bearer ${bob.key}`, range: 'bytes=99999-' },
    });
    expect(beyond.status).toBe(416);
  });

  it('keeps every tenant to its own files', async () => {
    const secret = await alice.client.files.create({ file: await toFile(Buffer.from(jsonl('secret')), 'secret.jsonl'), purpose: 'batch' });
    await expect(bob.client.files.retrieve(secret.id)).rejects.toMatchObject({ status: 404, code: 'INFERENCE_3302' });
    await expect(bob.client.files.content(secret.id)).rejects.toMatchObject({ status: 404 });
    await expect(bob.client.files.delete(secret.id)).rejects.toMatchObject({ status: 404 });
    const bobs: string[] = [];
    for await (const file of bob.client.files.list()) bobs.push(file.id);
    expect(bobs).not.toContain(secret.id);
    expect(await (await alice.client.files.content(secret.id)).text()).toBe(jsonl('secret'));
  });

  it('answers every refusal with its code, and stores nothing refused', async () => {
    const before = (await admin.files.list({ limit: 100 })).data.length;
    const blob = (text: string) => new Blob([text]);

    const purpose = await rawUpload(stack.adminKey, [
      { name: 'purpose', value: 'fine-tune' },
      { name: 'file', value: blob(jsonl('a')), filename: 'a.jsonl' },
    ]);
    expect(purpose).toMatchObject({
      status: 400,
      body: { error: { code: 'VALIDATION_4007', param: 'purpose', type: 'invalid_request_error' } },
    });

    const missingPurpose = await rawUpload(stack.adminKey, [{ name: 'file', value: blob(jsonl('a')), filename: 'a.jsonl' }]);
    expect(missingPurpose).toMatchObject({ status: 400, body: { error: { code: 'missing_required_parameter', param: 'purpose' } } });

    const missingFile = await rawUpload(stack.adminKey, [{ name: 'purpose', value: 'batch' }]);
    expect(missingFile).toMatchObject({ status: 400, body: { error: { code: 'missing_required_parameter', param: 'file' } } });

    for (const [text, lineNo, why] of [
      [`${line('a')}\n{not json\n`, 2, 'not valid JSON'],
      [`${line('a')}\n${line('a')}\n`, 2, 'duplicate custom_id'],
      [`${line('a')}\n\n${line('b')}\n`, 2, 'blank line'],
      [`${JSON.stringify({ custom_id: 'x', method: 'POST', url: '/v1/chat/completions' })}\n`, 1, 'missing required field "body"'],
    ] as const) {
      // purpose first (fail fast while streaming) and purpose last (validated anyway)
      for (const order of ['purpose-first', 'file-first']) {
        const parts = [
          { name: 'purpose', value: 'batch' },
          { name: 'file', value: blob(text), filename: 'bad.jsonl' },
        ];
        const invalid = await rawUpload(stack.adminKey, order === 'purpose-first' ? parts : parts.reverse());
        expect(invalid.status).toBe(400);
        expect(invalid.body.error).toMatchObject({ code: 'INFERENCE_3303', param: 'file' });
        expect(invalid.body.error.message).toContain(`line ${lineNo}`);
        expect(invalid.body.error.message).toContain(why);
      }
    }
    // invalid JSON is fine for other purposes
    expect(
      (
        await rawUpload(stack.adminKey, [
          { name: 'purpose', value: 'user_data' },
          { name: 'file', value: blob('{not json'), filename: 'n.txt' },
        ])
      ).status,
    ).toBe(200);

    const tooBig = await rawUpload(stack.adminKey, [
      { name: 'purpose', value: 'user_data' },
      { name: 'file', value: new Blob([Buffer.alloc(MAX_UPLOAD + 1, 97)]), filename: 'big.txt' },
    ]);
    expect(tooBig).toMatchObject({ status: 413, body: { error: { code: 'VALIDATION_4016', param: 'file' } } });

    const badExpiry = await rawUpload(stack.adminKey, [
      { name: 'purpose', value: 'batch' },
      { name: 'expires_after[anchor]', value: 'created_at' },
      { name: 'expires_after[seconds]', value: '60' },
      { name: 'file', value: blob(jsonl('a')), filename: 'a.jsonl' },
    ]);
    expect(badExpiry).toMatchObject({ status: 400, body: { error: { param: 'expires_after[seconds]' } } });

    const after = (await admin.files.list({ limit: 100 })).data;
    expect(after.length).toBe(before + 1); // only the user_data file
    // and in object storage, exactly one object per listed file of the admin
    expect((await adminStoredFileIds(stack)).sort()).toEqual(after.map((f) => f.id).sort());
  });

  it('refuses keys without the inference scope on every files route', async () => {
    const reader = await newUser('reader', ['usage:read']);
    const routes: [string, string][] = [
      ['GET', '/v1/files'],
      ['GET', '/v1/files/file-x'],
      ['GET', '/v1/files/file-x/content'],
      ['DELETE', '/v1/files/file-x'],
    ];
    for (const [method, path] of routes) {
      const response = await validatingFetch(`${stack.gatewayUrl}${path}`, { method, headers: { 'x-api-key': reader.key } });
      expect(response.status).toBe(403);
      expect(((await response.json()) as any).error.code).toBe('AUTH_1015');
    }
    expect(
      (
        await rawUpload(reader.key, [
          { name: 'purpose', value: 'batch' },
          { name: 'file', value: new Blob([jsonl('a')]), filename: 'a.jsonl' },
        ])
      ).body.error.code,
    ).toBe('AUTH_1015');
  });
});
