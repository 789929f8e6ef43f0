/**
 * Micro-benchmark of per-request validation: the compiled validator (createValidated) against the
 * class-validator path it replaced (validate.reference.ts), on the three payloads every chat
 * request validates: the caller's body at the gateway, the ExecuteRequest at the router and the
 * usage event at billing. CPU time (process.cpuUsage) in interleaved rounds, so the ratio holds on
 * a shared, noisy machine. Run after `npm run build`:
 *   node -r ./tools/runtime/register-paths.js dist/tools/bench/src/micro-validation.js
 */
import { ChatCompletionBody, createValidated, ExecuteRequest, UsageEvent } from '@switchyard/contracts';
// the reference lives beside the compiled validator and is not part of the library's API
// eslint-disable-next-line @nx/enforce-module-boundaries
import { referenceCreateValidated } from '../../../libs/contracts/src/validate.reference';

type Validate = <T extends object>(cls: new () => T, plain: unknown) => T;

const principal = { userId: 'usr_3kF9aB', keyId: 'key_9xQ2', role: 'user', scopes: ['inference', 'usage:read'], rateLimit: 60 };
const chatBody = {
  model: 'gpt-4o-mini',
  messages: [
    { role: 'system', content: 'You are a helpful assistant.' },
    { role: 'user', content: 'Summarise the plot of Hamlet in two sentences.' },
  ],
  temperature: 0.2,
  max_tokens: 256,
  stream: false,
};
const payloads: { name: string; cls: new () => object; plain: Record<string, unknown> }[] = [
  { name: 'chat body (gateway)', cls: ChatCompletionBody, plain: chatBody },
  {
    name: 'ExecuteRequest (router)',
    cls: ExecuteRequest,
    plain: {
      requestId: 'req_0123456789abcdef01234567',
      principal,
      endpoint: '/v1/chat/completions',
      body: chatBody,
      stream: false,
      batchId: null,
      channelType: null,
      cache: null,
    },
  },
  {
    name: 'usage event (billing)',
    cls: UsageEvent,
    plain: {
      requestId: 'req_0123456789abcdef01234567',
      userId: 'usr_3kF9aB',
      keyId: 'key_9xQ2',
      model: 'gpt-4o-mini',
      endpoint: '/v1/chat/completions',
      channelId: 'ch_1',
      channelType: 'PLATFORM',
      promptTokens: 31,
      completionTokens: 58,
      cachedTokens: 0,
      estimated: false,
      batchId: null,
      latencyMs: 412,
      createdAt: '2026-12-03T05:00:00.000Z',
    },
  },
];

const ROUNDS = 7;
const CALLS_PER_ROUND = 20_000;

/** CPU microseconds per call of `validate` on the payload, over one round. */
function cpuMicrosPerCall(validate: Validate, cls: new () => object, plain: Record<string, unknown>): number {
  const start = process.cpuUsage();
  for (let i = 0; i < CALLS_PER_ROUND; i++) validate(cls, plain);
  const used = process.cpuUsage(start);
  return (used.user + used.system) / CALLS_PER_ROUND;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function main(): void {
  console.log(`validation, CPU µs per call: median of ${ROUNDS} interleaved rounds of ${CALLS_PER_ROUND} calls`);
  console.log(['payload'.padEnd(26), 'reference'.padStart(10), 'compiled'.padStart(10), 'ratio'.padStart(8)].join(''));
  for (const { name, cls, plain } of payloads) {
    // warm both paths (and compile the plan) before measuring
    for (let i = 0; i < 2_000; i++) {
      referenceCreateValidated(cls, plain);
      createValidated(cls, plain);
    }
    const reference: number[] = [];
    const compiled: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      reference.push(cpuMicrosPerCall(referenceCreateValidated, cls, plain));
      compiled.push(cpuMicrosPerCall(createValidated, cls, plain));
    }
    const [r, c] = [median(reference), median(compiled)];
    console.log([name.padEnd(26), r.toFixed(2).padStart(10), c.toFixed(2).padStart(10), `${(c / r).toFixed(3)}×`.padStart(8)].join(''));
  }
}

main();
