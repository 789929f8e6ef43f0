/**
 * Preloaded (`NODE_OPTIONS=--require …`) by the benchmark only, into the router (split mode) or
 * the one process (single mode): requests to the origin ECHO_ORIGIN are answered inside that
 * process by undici's MockAgent, so the hop breakdown can time gateway → router without the
 * upstream HTTP hop. Every other origin goes out as usual. Any other process ignores it.
 */
export const ECHO_ORIGIN = 'http://echo.bench.invalid';

function installEcho(): void {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const undici = require('undici') as typeof import('undici');
  const mock = new undici.MockAgent({ connections: 1 });
  mock.disableNetConnect();
  let counter = 0;
  mock
    .get(ECHO_ORIGIN)
    .intercept({ path: /.*/, method: 'POST' })
    .reply(
      200,
      () => ({
        id: `chatcmpl-echo${++counter}`,
        object: 'chat.completion',
        created: Math.floor(Date.now() / 1000),
        model: 'echo',
        choices: [
          {
            index: 0,
            message: { role: 'assistant', content: 'Echo: hello from the benchmark, a short question', refusal: null },
            logprobs: null,
            finish_reason: 'stop',
          },
        ],
        usage: { prompt_tokens: 14, completion_tokens: 9, total_tokens: 23 },
        system_fingerprint: 'fp_echo',
      }),
      { headers: { 'content-type': 'application/json' } },
    )
    .persist();
  const dispatch = undici.Agent.prototype.dispatch;
  // MockAgent dispatches through an Agent of its own: that inner call must take the original path
  let insideMock = false;
  undici.Agent.prototype.dispatch = function (this: InstanceType<typeof undici.Agent>, options, handler) {
    if (insideMock || !String(options.origin).startsWith(ECHO_ORIGIN)) return dispatch.call(this, options, handler);
    insideMock = true;
    try {
      return mock.dispatch(options, handler);
    } finally {
      insideMock = false;
    }
  };
}

if (/apps\/router\/|tools\/single-process\//.test(process.argv[1] ?? '')) installEcho();
