import OpenAI, { toFile } from 'openai';
import {
  apiCaller,
  createUserWithKey,
  eventually,
  MockUpstreamProcess,
  RunningStack,
  startMockUpstream,
  startStackLikeNpmStart,
  uncheckedFetch,
  validatingFetch,
} from '@switchyard/testing';

/**
 * Media endpoints. Images: generations priced per image, and edits whose input images are reference files uploaded
 * with purpose "vision": the file is bound to a channel of its image model, and edits that use it
 * go to that channel only, with the stored bytes.
 */
describe('media: images, reference files and edits, rerank, audio', () => {
  let stack: RunningStack;
  let first: MockUpstreamProcess;
  let second: MockUpstreamProcess;
  let call: ReturnType<typeof apiCaller>;
  let firstChannelId: string;
  let secondChannelId: string;
  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);
  const png = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(1000, 7)]);

  async function uploadReference(key: string, model?: string): Promise<{ status: number; body: any }> {
    const form = new FormData();
    form.append('purpose', 'vision');
    if (model) form.append('model', model);
    form.append('file', new Blob([png], { type: 'image/png' }), 'ref.png');
    const response = await validatingFetch(`${stack.gatewayUrl}/v1/files`, {
      method: 'POST',
      headers: { authorization: `Bearer ${key}` },
      body: form,
    });
    return { status: response.status, body: await response.json() };
  }

  beforeAll(async () => {
    [stack, first, second] = await Promise.all([startStackLikeNpmStart(), startMockUpstream(), startMockUpstream()]);
    call = apiCaller(stack);
    firstChannelId = (
      await admin('POST', '/admin/channels', {
        name: 'images-first',
        provider: 'openai',
        base_url: `${first.url}/v1`,
        api_key: 'k1',
        models: ['gpt-image-2'],
        priority: 10,
      })
    ).body.id;
    secondChannelId = (
      await admin('POST', '/admin/channels', {
        name: 'images-second',
        provider: 'openai',
        base_url: `${second.url}/v1`,
        api_key: 'k2',
        models: ['gpt-image-2'],
        priority: 0,
      })
    ).body.id;
    await admin('PUT', '/admin/prices/gpt-image-2', { input_per_million: 0, output_per_million: 0, per_image: 0.04 });
  });

  afterAll(async () => {
    await Promise.all([stack?.stop(), first?.stop(), second?.stop()]);
  });

  it('generates images with the openai SDK (default model gpt-image-2) and charges per image', async () => {
    const user = await createUserWithKey(stack, { name: 'painter', credits: 1 });
    const client = new OpenAI({ apiKey: user.key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    const result = (await client.images.generate({
      prompt: 'a red fox',
      n: 2,
    } as OpenAI.ImageGenerateParamsNonStreaming)) as OpenAI.ImagesResponse;
    expect(result.data!.map((d) => Buffer.from(d.b64_json!, 'base64').toString())).toEqual([
      'image of a red fox #1',
      'image of a red fox #2',
    ]);
    expect((result as any)._routing.channel.id).toBe(firstChannelId);
    const records: any[] = await eventually('the usage record', async () => (await call('GET', '/v1/usage', user.key)).body.data, {
      until: (data) => data.length > 0,
      timeoutMs: 5_000,
      intervalMs: 50,
    });
    expect(records[0]).toMatchObject({ endpoint: '/v1/images/generations', model: 'gpt-image-2', images: 2 });
    expect(records[0].cost).toBeCloseTo(0.08, 9);
  });

  it('binds a vision reference file to its image channel and pins edits using it there, with the stored bytes', async () => {
    const uploaded = await uploadReference(stack.adminKey);
    expect(uploaded.status).toBe(200);
    expect(uploaded.body).toMatchObject({ object: 'file', purpose: 'vision', bytes: png.length });
    // the second channel now comes first for everything else...
    await admin('PATCH', `/admin/channels/${secondChannelId}`, { priority: 20 });
    await Promise.all([first.clearRequests(), second.clearRequests()]);
    const byUrl = await call('POST', '/v1/images/edits', stack.adminKey, {
      prompt: 'by url',
      images: [{ image_url: `data:image/png;base64,${png.toString('base64')}` }],
    });
    expect(byUrl.body._routing.channel.id).toBe(secondChannelId);
    // ...but an edit of the reference file goes to the channel it is bound to
    const edited = await call('POST', '/v1/images/edits', stack.adminKey, {
      prompt: 'make it blue',
      images: [{ file_id: uploaded.body.id }],
    });
    expect(edited.status).toBe(200);
    expect(edited.body._routing.channel.id).toBe(firstChannelId);
    expect(Buffer.from(edited.body.data[0].b64_json, 'base64').toString()).toBe(`edit of ${png.length} bytes: make it blue #1`);
    const sent = (await first.requests()).find((r) => r.path === '/v1/images/edits')!;
    expect(sent.body.images[0].image_url).toBe(`data:image/png;base64,${png.toString('base64')}`);
    expect(sent.body.images[0].file_id).toBeUndefined();
  });

  it('edits images sent as multipart by the openai SDK (parked in object storage for the request only)', async () => {
    const client = new OpenAI({ apiKey: stack.adminKey, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    const image = await toFile(png, 'a.png', { type: 'image/png' });
    const otherImage = await toFile(png, 'b.png', { type: 'image/png' });
    const mask = await toFile(png, 'mask.png', { type: 'image/png' });
    await Promise.all([first.clearRequests(), second.clearRequests()]);
    const result = (await client.images.edit({
      model: 'gpt-image-2',
      image: [image, otherImage],
      mask,
      prompt: 'two into one',
    } as OpenAI.ImageEditParamsNonStreaming)) as OpenAI.ImagesResponse;
    expect(Buffer.from(result.data![0].b64_json!, 'base64').toString()).toBe(`edit of ${2 * png.length} bytes: two into one #1`);
    const [sent] = [...(await first.requests()), ...(await second.requests())].filter((r) => r.path === '/v1/images/edits');
    expect(sent.body.mask.image_url).toBe(`data:image/png;base64,${png.toString('base64')}`);
    const parked = await uncheckedFetch(`${stack.s3Endpoint}/switchyard?list-type=2&prefix=tmp/`).then((r) => r.text());
    expect(parked).not.toContain('<Key>');
  });

  it("keeps one tenant's reference files away from another, and refuses bad edits clearly", async () => {
    const owner = await createUserWithKey(stack, { name: 'owner' });
    const other = await createUserWithKey(stack, { name: 'other' });
    const mine = await uploadReference(owner.key);
    const stolen = await call('POST', '/v1/images/edits', other.key, { prompt: 'x', images: [{ file_id: mine.body.id }] });
    expect(stolen.status).toBe(404);
    expect(stolen.body.error).toMatchObject({ code: 'INFERENCE_3302' });
    const empty = await call('POST', '/v1/images/edits', owner.key, { prompt: 'x', images: [] });
    expect(empty.status).toBe(400);
    expect(empty.body.error).toMatchObject({ param: 'images' });
    const noPrompt = await call('POST', '/v1/images/generations', owner.key, { n: 1 });
    expect(noPrompt.body.error).toMatchObject({ param: 'prompt', type: 'invalid_request_error' });
  });

  it('uploads a reference file for a model no channel serves without binding it', async () => {
    const uploaded = await uploadReference(stack.adminKey, 'no-such-image-model');
    expect(uploaded.status).toBe(200);
    const edit = await call('POST', '/v1/images/edits', stack.adminKey, {
      model: 'no-such-image-model',
      prompt: 'x',
      images: [{ file_id: uploaded.body.id }],
    });
    expect(edit.status).toBe(404);
    expect(edit.body.error).toMatchObject({ code: 'model_not_found' });
  });

  it('reranks documents in the Cohere/Jina shape through an OpenAI-compatible channel', async () => {
    await admin('POST', '/admin/channels', {
      name: 'rerank',
      provider: 'openai-compatible',
      base_url: `${first.url}/v1`,
      api_key: 'k1',
      models: ['mock-rerank'],
    });
    const answer = await call('POST', '/v1/rerank', stack.adminKey, {
      model: 'mock-rerank',
      query: 'red fox',
      documents: ['a blue whale', { text: 'the red fox jumps' }, 'red paint'],
      top_n: 2,
      return_documents: true,
    });
    expect(answer.status).toBe(200);
    expect(answer.body.results).toEqual([
      { index: 1, relevance_score: 1, document: { text: 'the red fox jumps' } },
      { index: 2, relevance_score: 0.5, document: { text: 'red paint' } },
    ]);
    expect(answer.body._routing.channel.name).toBe('rerank');
    const bad = await call('POST', '/v1/rerank', stack.adminKey, { model: 'mock-rerank', query: 'x', documents: [] });
    expect(bad.status).toBe(400);
    expect(bad.body.error).toMatchObject({ param: 'documents' });
  });

  describe('audio (openai SDK)', () => {
    let user: { userId: string; key: string };
    let client: OpenAI;

    beforeAll(async () => {
      await admin('POST', '/admin/channels', {
        name: 'audio',
        provider: 'openai',
        base_url: `${first.url}/v1`,
        api_key: 'k1',
        models: ['mock-tts', 'mock-whisper'],
      });
      await admin('PUT', '/admin/prices/mock-tts', { input_per_million: 15, output_per_million: 0 });
      await admin('PUT', '/admin/prices/mock-whisper', { input_per_million: 0, output_per_million: 0, per_audio_second: 0.0001 });
      user = await createUserWithKey(stack, { name: 'listener', credits: 1 });
      client = new OpenAI({ apiKey: user.key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch: validatingFetch });
    });

    function usageRecords(endpoint: string, count: number): Promise<any[]> {
      // read as the admin: polling as the user would spend their rate limit
      const read = async (): Promise<any[]> =>
        (await admin('GET', `/admin/usage?user_id=${user.userId}`)).body.data.filter((r: any) => r.endpoint === endpoint);
      return eventually(`${count} usage records of ${endpoint}`, read, {
        until: (records) => records.length >= count,
        timeoutMs: 5_000,
        intervalMs: 50,
      });
    }

    it('streams speech audio back, billed by input characters', async () => {
      const response = await client.audio.speech.create({ model: 'mock-tts', voice: 'alloy', input: 'hello there' });
      expect(response.headers.get('content-type')).toBe('audio/mpeg');
      expect(response.headers.get('x-switchyard-channel-name')).toBe('audio');
      const audio = Buffer.from(await response.arrayBuffer());
      expect(audio.length).toBe(7 + 48_000);
      expect(audio.subarray(0, 12).toString()).toBe('ID3mockhello');
      const [record] = await usageRecords('/v1/audio/speech', 1);
      expect(record).toMatchObject({ endpoint: '/v1/audio/speech', prompt_tokens: 'hello there'.length });
      expect(record.cost).toBeCloseTo((11 * 15) / 1e6, 12);
    });

    it('transcribes an upload (streamed through object storage), in JSON and as subtitles, billed per second', async () => {
      const audio = Buffer.alloc(40_000, 1);
      const json = await client.audio.transcriptions.create({ file: await toFile(audio, 'talk.mp3'), model: 'mock-whisper' });
      expect(json.text).toBe('transcript of 40000 bytes (talk.mp3)');
      const srt = await client.audio.transcriptions.create({
        file: await toFile(audio, 'talk.mp3'),
        model: 'mock-whisper',
        response_format: 'srt',
      });
      expect(srt).toBe('1\n00:00:00,000 --> 00:00:03,000\ntranscript of 40000 bytes (talk.mp3)\n');
      const records = await usageRecords('/v1/audio/transcriptions', 2);
      expect(records.map((r) => r.audio_seconds)).toEqual([3, 3]);
      expect(records[0].cost).toBeCloseTo(0.0003, 12);
      // nothing stays parked in object storage
      const parked = await uncheckedFetch(`${stack.s3Endpoint}/switchyard?list-type=2&prefix=tmp/`).then((r) => r.text());
      expect(parked).not.toContain('<Key>');
    });

    it('refuses a transcription without a file or model, naming the field', async () => {
      const form = new FormData();
      form.append('model', 'mock-whisper');
      const noFile = await validatingFetch(`${stack.gatewayUrl}/v1/audio/transcriptions`, {
        method: 'POST',
        headers: { authorization: `Bearer ${user.key}` },
        body: form,
      });
      expect(noFile.status).toBe(400);
      expect(((await noFile.json()) as any).error).toMatchObject({ param: 'file' });
      const speechWithoutVoice = await call('POST', '/v1/audio/speech', user.key, { model: 'mock-tts', input: 'x' });
      expect(speechWithoutVoice.body.error).toMatchObject({ param: 'voice' });
    });
  });
});
