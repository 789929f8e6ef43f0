import {
  apiCaller,
  createUserWithKey,
  eventually,
  MockUpstreamProcess,
  RunningStack,
  servicePid,
  startMockUpstream,
  startStackLikeNpmStart,
  validatingFetch,
} from '@switchyard/testing';

/**
 * Asynchronous generations (video, music, 3D): created at once, started and polled in the
 * background by the batches service, priced per task, refunded in full when they fail, results
 * copied into our storage, and durable across a crash of the service that runs them.
 */
describe('generation tasks: video, music, 3D', () => {
  let stack: RunningStack;
  let upstream: MockUpstreamProcess;
  let call: ReturnType<typeof apiCaller>;
  let user: { userId: string; key: string };
  const admin = (method: string, path: string, body?: unknown) => call(method, path, stack.adminKey, body);

  /** The task at `taskPath` once `done` holds for it. */
  function taskWhen(taskPath: string, done: (task: any) => boolean, timeoutMs = 30_000): Promise<any> {
    return eventually(`${taskPath} to get there`, async () => (await call('GET', taskPath, user.key)).body, {
      until: done,
      timeoutMs,
      intervalMs: 250,
    });
  }

  async function balance(): Promise<number> {
    return (await admin('GET', `/admin/users/${user.userId}`)).body.balance;
  }

  /** Money moves by events: the balance once it settles at the expected figure. */
  function balanceBecomes(expected: number): Promise<number> {
    return eventually(`the balance to become ${expected}`, balance, {
      until: (b) => Math.abs(b - expected) <= 1e-9,
      timeoutMs: 10_000,
      intervalMs: 100,
    });
  }

  async function ledgerKinds(): Promise<string[]> {
    return (await admin('GET', `/admin/users/${user.userId}/ledger`)).body.data.map((e: { kind: string }) => e.kind);
  }

  beforeAll(async () => {
    [stack, upstream] = await Promise.all([
      // a killed replica's task lease (call timeout + 5 s) runs out well inside the crash test's wait
      // split: it kills the batches process alone mid-task
      startStackLikeNpmStart(
        { SWITCHYARD_TASK_POLL_MS: '100', SWITCHYARD_TASK_MAX_POLL_MS: '400', SWITCHYARD_TASK_CALL_TIMEOUT_MS: '10000' },
        { mode: 'split' },
      ),
      startMockUpstream(),
    ]);
    call = apiCaller(stack);
    await admin('POST', '/admin/channels', {
      name: 'generations',
      provider: 'openai-compatible',
      base_url: `${upstream.url}/v1`,
      api_key: 'k',
      models: ['mock-video', 'mock-music', 'mock-3d'],
    });
    for (const model of ['mock-video', 'mock-music', 'mock-3d'])
      await admin('PUT', `/admin/prices/${model}`, { input_per_million: 0, output_per_million: 0, per_call: 0.5 });
    // polling every 250 ms on a slow machine can pass the user role's 60 requests a minute; limits are not what this tests
    user = await createUserWithKey(stack, { name: 'director', credits: 3, role: 'vip' });
  });

  afterAll(async () => {
    await Promise.all([stack?.stop(), upstream?.stop()]);
  });

  beforeEach(() => upstream.configure({ task_ms: 1200 }));

  it('runs a video to completion, charges it per task, and serves its result from our storage', async () => {
    const created = await call('POST', '/v1/videos/generations', user.key, { model: 'mock-video', prompt: 'a cat surfing', seconds: 4 });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({
      id: expect.stringMatching(/^task_/),
      object: 'video.generation',
      status: 'queued',
      model: 'mock-video',
      result: null,
    });
    const seen = new Set<string>();
    const done = await taskWhen(`/v1/videos/generations/${created.body.id}`, (t) => {
      seen.add(t.status);
      return t.status === 'succeeded' || t.status === 'failed';
    });
    expect(done).toMatchObject({ status: 'succeeded', error: null });
    expect(seen.has('in_progress')).toBe(true);
    expect(done._routing.channel).toMatchObject({ channelType: 'PLATFORM' });
    const [file] = done.result.files;
    expect(file).toMatchObject({ media_type: 'video/mp4', bytes: 100_000, url: `/v1/files/${file.file_id}/content` });
    const content = await validatingFetch(`${stack.gatewayUrl}${file.url}`, { headers: { authorization: `Bearer ${user.key}` } });
    expect(content.headers.get('content-type')).toBe('video/mp4');
    expect((await content.text()).startsWith('MOCK-videos:a cat surfing:')).toBe(true);
    // the upstream was asked once to start it, with the body as sent
    const starts = (await upstream.requests()).filter((r) => r.path === '/v1/videos');
    expect(starts.map((r) => r.body)).toEqual([{ model: 'mock-video', prompt: 'a cat surfing', seconds: 4 }]);
    expect(await balanceBecomes(2.5)).toBeCloseTo(2.5, 9);
  });

  it('refunds a task that fails upstream, in full', async () => {
    const before = await balance();
    const created = await call('POST', '/v1/music/generations', user.key, { model: 'mock-music', prompt: 'this one will fail' });
    const done = await taskWhen(`/v1/music/generations/${created.body.id}`, (t) => t.status === 'succeeded' || t.status === 'failed');
    expect(done).toMatchObject({ object: 'music.generation', status: 'failed', error: { code: 'generation_failed' }, result: null });
    expect(await balanceBecomes(before)).toBeCloseTo(before, 9);
    expect((await ledgerKinds()).filter((k) => k === 'refund')).toHaveLength(1);
  });

  it('survives a crash of the service running it', async () => {
    await upstream.configure({ task_ms: 4000 });
    const created = await call('POST', '/v1/3d/generations', user.key, { model: 'mock-3d', prompt: 'a teapot' });
    await taskWhen(`/v1/3d/generations/${created.body.id}`, (t) => t.status === 'in_progress');
    process.kill(servicePid(stack, 'batches'), 'SIGKILL');
    const done = await taskWhen(`/v1/3d/generations/${created.body.id}`, (t) => t.status === 'succeeded' || t.status === 'failed', 60_000);
    expect(done.status).toBe('succeeded');
    expect(done.result.files[0]).toMatchObject({ media_type: 'model/gltf-binary' });
    // started upstream once, charged once
    expect((await upstream.requests()).filter((r) => r.path === '/v1/3d')).toHaveLength(1);
  });

  it('answers bad requests clearly and keeps tasks to their owner', async () => {
    const other = await createUserWithKey(stack, { name: 'other' });
    const created = await call('POST', '/v1/videos/generations', user.key, { model: 'mock-video', prompt: 'mine' });
    expect((await call('GET', `/v1/videos/generations/${created.body.id}`, other.key)).status).toBe(404);
    expect((await call('GET', `/v1/music/generations/${created.body.id}`, user.key)).status).toBe(404);
    const noPrompt = await call('POST', '/v1/videos/generations', user.key, { model: 'mock-video' });
    expect(noPrompt.status).toBe(400);
    expect(noPrompt.body.error).toMatchObject({ param: 'prompt' });
    expect((await call('POST', '/v1/holograms/generations', user.key, { model: 'x', prompt: 'y' })).status).toBe(404);
    const unknownModel = await call('POST', '/v1/videos/generations', user.key, { model: 'no-such-video-model', prompt: 'x' });
    const failed = await taskWhen(`/v1/videos/generations/${unknownModel.body.id}`, (t) => t.status === 'failed');
    expect(failed.error).toMatchObject({ code: 'model_not_found' });
  });
});
