/**
 * `<input type="datetime-local">` speaks the viewer's wall-clock time ("2026-12-03T14:30"); the API
 * speaks unix seconds. Empty or unreadable input gives undefined (no filter).
 */
export function localInputToUnix(value: string): number | undefined {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?$/.test(value)) return undefined;
  const ms = new Date(value).getTime();
  return Number.isFinite(ms) ? Math.floor(ms / 1000) : undefined;
}
