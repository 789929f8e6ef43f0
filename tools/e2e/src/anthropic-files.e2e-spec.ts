import Anthropic, { toFile } from '@anthropic-ai/sdk';
import { RunningStack, startStackLikeNpmStart, validatingFetch } from '@switchyard/testing';

const betas = ['files-api-2025-04-14'] as const;

/** `/v1/files` in Anthropic Files API mode, driven by the official @anthropic-ai/sdk. */
describe('Anthropic Files API mode', () => {
  let stack: RunningStack;
  let client: Anthropic;

  beforeAll(async () => {
    stack = await startStackLikeNpmStart();
    client = new Anthropic({ apiKey: stack.adminKey, baseURL: stack.gatewayUrl, maxRetries: 0, fetch: validatingFetch });
  });

  afterAll(async () => {
    await stack?.stop();
  });

  it('uploads, retrieves, lists and deletes with Anthropic shapes', async () => {
    const uploaded = await client.beta.files.upload({
      file: await toFile(Buffer.from('%PDF-1.4 test'), 'doc.pdf', { type: 'application/pdf' }),
      betas: [...betas],
    });
    expect(uploaded).toEqual({
      id: expect.stringMatching(/^file_/),
      type: 'file',
      filename: 'doc.pdf',
      mime_type: 'application/pdf',
      size_bytes: 13,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/),
      downloadable: false,
    });
    expect(await client.beta.files.retrieveMetadata(uploaded.id, { betas: [...betas] })).toEqual(uploaded);
    expect(await client.beta.files.delete(uploaded.id, { betas: [...betas] })).toEqual({ id: uploaded.id, type: 'file_deleted' });
    const missing = await client.beta.files.retrieveMetadata(uploaded.id, { betas: [...betas] }).catch((e) => e);
    expect(missing).toBeInstanceOf(Anthropic.NotFoundError);
    expect(missing.error).toMatchObject({ type: 'error', error: { type: 'not_found_error' } });
    expect(missing.requestID).toMatch(/^req_/);
  });

  it('pages forward with after_id and back with before_id', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 5; i++)
      ids.push((await client.beta.files.upload({ file: await toFile(Buffer.from(`f${i}`), `f${i}.txt`), betas: [...betas] })).id);
    const newestFirst = [...ids].reverse();
    const all: string[] = [];
    for await (const file of client.beta.files.list({ limit: 2, betas: [...betas] })) all.push(file.id);
    expect(all).toEqual(newestFirst);
    // the older cursor style: after_id / before_id with first_id, last_id, has_more
    const list = async (query: string) =>
      (await (
        await validatingFetch(`${stack.gatewayUrl}/v1/files?beta=true&${query}`, {
          headers: { 'x-api-key': stack.adminKey, 'anthropic-beta': betas[0] },
        })
      ).json()) as any;
    const page = await list(`limit=2&after_id=${newestFirst[1]}`);
    expect(page.data.map((f: { id: string }) => f.id)).toEqual(newestFirst.slice(2, 4));
    expect(page).toMatchObject({ first_id: newestFirst[2], last_id: newestFirst[3], has_more: true, next_page: newestFirst[3] });
    const back = await list(`limit=2&before_id=${newestFirst[3]}`);
    expect(back.data.map((f: { id: string }) => f.id)).toEqual(newestFirst.slice(1, 3));
  });

  it("keeps Anthropic-mode and OpenAI-mode files apart, and errors in Anthropic's envelope", async () => {
    const anthropicFile = await client.beta.files.upload({ file: await toFile(Buffer.from('x'), 'x.txt'), betas: [...betas] });
    const openAiList = (await (
      await validatingFetch(`${stack.gatewayUrl}/v1/files`, { headers: { authorization: `Bearer ${stack.adminKey}` } })
    ).json()) as { data: { id: string }[] };
    expect(openAiList.data.map((f) => f.id)).not.toContain(anthropicFile.id);

    const bad = await validatingFetch(`${stack.gatewayUrl}/v1/files?beta=true`, {
      headers: { 'x-api-key': 'sk-sy-wrong-key-000000000000', 'anthropic-version': '2023-06-01' },
    });
    expect(bad.status).toBe(401);
    expect(bad.headers.get('request-id')).toMatch(/^req_/);
    expect(await bad.json()).toEqual({
      type: 'error',
      error: { type: 'authentication_error', message: expect.any(String) },
      request_id: expect.stringMatching(/^req_/),
    });

    const download = await client.beta.files.download(anthropicFile.id, { betas: [...betas] }).catch((e) => e);
    expect(download).toBeInstanceOf(Anthropic.BadRequestError);
  });
});
