/**
 * Every answer of the gateway a test received that the OpenAPI document does not describe. A check
 * that failed is written down here as well as thrown, because not every failure reaches the test:
 * an SDK turns an error of its `fetch` into a bare "Connection error", a test may catch it, and a
 * stream is checked in the background while the test reads it. The e2e project's setup
 * (tools/jest/response-drift-setup.js) fails each test that left drift behind.
 */
interface DriftLog {
  found: Error[];
  pending: Set<Promise<void>>;
}

// on the global object: the jest setup file and the test file read the same log whatever module registry loaded them
const LOG_KEY = '__switchyardResponseDrift';

function driftLog(): DriftLog {
  const global = globalThis as typeof globalThis & { [LOG_KEY]?: DriftLog };
  return (global[LOG_KEY] ??= { found: [], pending: new Set() });
}

export function recordResponseDrift(error: Error): void {
  driftLog().found.push(error);
}

/** A check still running (a stream being read); its failure is recorded when it ends. */
export function trackResponseCheck(check: Promise<void>): void {
  const { pending } = driftLog();
  const tracked = check.catch((error: Error) => recordResponseDrift(error)).finally(() => pending.delete(tracked));
  pending.add(tracked);
}

/** Waits (up to `waitMs`) for the checks still running, then hands over and forgets what was recorded. */
export async function takeResponseDrift(waitMs = 2_000): Promise<Error[]> {
  const log = driftLog();
  if (log.pending.size) {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<void>((resolve) => (timer = setTimeout(resolve, waitMs)));
    await Promise.race([Promise.all(log.pending), timeout]);
    clearTimeout(timer);
  }
  return log.found.splice(0);
}

/** Throws when answers since the last call did not match the document, naming each. */
export async function failOnResponseDrift(): Promise<void> {
  const drift = await takeResponseDrift();
  if (drift.length) {
    throw new Error(
      `${drift.length} answer(s) of the gateway do not match the OpenAPI document:\n\n${drift.map((e) => e.message).join('\n\n')}`,
    );
  }
}
