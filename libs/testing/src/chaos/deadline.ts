/**
 * A request's deadline: its signal aborts the request when `timeoutMs` passes, and `passed` tells
 * afterwards whether it did (the SDKs end an aborted stream quietly, so what ended after the
 * deadline is hung, whatever it looked like). `clear` when the request is over.
 */
export function requestDeadline(timeoutMs: number): { signal: AbortSignal; passed(): boolean; clear(): void } {
  const controller = new AbortController();
  let passed = false;
  const timer = setTimeout(() => {
    passed = true;
    controller.abort();
  }, timeoutMs);
  return { signal: controller.signal, passed: () => passed, clear: () => clearTimeout(timer) };
}
