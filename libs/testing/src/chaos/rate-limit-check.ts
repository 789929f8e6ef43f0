import OpenAI from 'openai';
import { dataOf } from '@switchyard/api-client';
import { apiClient } from '../stack';
import type { ChaosTarget } from './faults';
import type { InvariantResult } from './invariants';
import { Fetch } from './steady-load';

/**
 * A check a fault carries beside the common invariants: called before the fault is injected, it
 * resolves with the check to run once the system serves again.
 */
export type FaultCheck = (target: ChaosTarget, fetch: Fetch) => Promise<() => Promise<InvariantResult>>;

/** the small per-minute limit of the check's own user, used up before the fault */
const LIMIT_PER_MINUTE = 5;

type Answer = 'ok' | 'refused' | string;

async function chatOnce(client: OpenAI): Promise<Answer> {
  try {
    await client.chat.completions.create({ model: 'mock-gpt', messages: [{ role: 'user', content: 'one word please' }] });
    return 'ok';
  } catch (error) {
    if (error instanceof OpenAI.APIError && error.status === 429 && (error.error as { code?: unknown })?.code === 'rate_limit_exceeded')
      return 'refused';
    return error instanceof OpenAI.APIError ? String(error.status) : (error as Error).constructor.name;
  }
}

const tally = (answers: Answer[]) =>
  Object.entries(answers.reduce<Record<string, number>>((n, a) => ({ ...n, [a]: (n[a] ?? 0) + 1 }), {}))
    .map(([a, n]) => `${n} ${a}`)
    .join(', ');

/**
 * The rate limit across the fault: a user limited to a few requests a minute uses them up before
 * it (the next one is refused), then asks again as soon as the system serves. The limit must still
 * be enforced afterwards (every answer a success or a 429 `rate_limit_exceeded`, the last ones
 * refused). The usage records live in a JetStream KV bucket on file storage (docs/architecture.md,
 * "Rate limits"), so the counts survive a NATS restart: within the minute after the user's first
 * request, every request after the fault is refused too.
 */
export const rateLimitHolds: FaultCheck = async ({ stack }, fetch) => {
  const admin = apiClient(stack);
  const user = dataOf(await admin.POST('/admin/users', { body: { name: 'chaos-rate-limited', credits: 100, role: 'user' } }));
  dataOf(
    await admin.PUT('/admin/users/{user_id}/rate-limit', {
      params: { path: { user_id: user.id } },
      body: { requests_per_minute: LIMIT_PER_MINUTE },
    }),
  );
  const key = dataOf(await admin.POST('/admin/users/{user_id}/keys', { params: { path: { user_id: user.id } }, body: {} })).key;
  const client = new OpenAI({ apiKey: key, baseURL: `${stack.gatewayUrl}/v1`, maxRetries: 0, fetch, timeout: 10_000 });
  const before: Answer[] = [];
  const firstAt = Date.now();
  for (let i = 0; i <= LIMIT_PER_MINUTE; i++) before.push(await chatOnce(client));
  const usedUpAt = Date.now();

  return async () => {
    const after: Answer[] = [];
    for (let i = 0; i < LIMIT_PER_MINUTE + 2; i++) after.push(await chatOnce(client));
    const secondsLater = Math.round((Date.now() - usedUpAt) / 1000);
    // the window slides: a minute after the first request, its count no longer holds the user back
    const withinTheMinute = Date.now() - firstAt < 60_000;
    const usedUp = before.slice(0, LIMIT_PER_MINUTE).every((a) => a === 'ok') && before[LIMIT_PER_MINUTE] === 'refused';
    const admittedAfter = after.filter((a) => a === 'ok').length;
    const held = usedUp && withinTheMinute && after.every((a) => a === 'refused');
    return {
      name: `the rate limit holds across the fault (a ${LIMIT_PER_MINUTE}/min user used up before it)`,
      held,
      detail:
        `before: ${tally(before)}; ${secondsLater} s later, after: ${tally(after)} ` +
        `(${admittedAfter === 0 ? 'the counts survived' : `the counts were lost: ${admittedAfter} admitted again`}${withinTheMinute ? '' : '; checked too late: over a minute after the first request'})`,
    };
  };
};
