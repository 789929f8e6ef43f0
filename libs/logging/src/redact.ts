const secretPatterns = [/\bsk-[A-Za-z0-9_-]{6,}/g, /\b(Bearer)\s+[A-Za-z0-9._-]{6,}/gi];

/** Removes anything that looks like an API key from a text before it reaches a log line. */
export function redact(text: string): string {
  return secretPatterns.reduce((acc, pattern) => acc.replace(pattern, (match) => `${match.slice(0, 3)}***`), text);
}

/** Field names whose value is a secret whatever it looks like: written as REDACTED, at the top of a line or two levels in. */
const secretFieldNames = [
  'authorization',
  'cookie',
  'headers',
  'key',
  'api_key',
  'apiKey',
  'upstream_key',
  'upstreamKey',
  'password',
  'secret',
  'token',
];
export const REDACTED = '[redacted]';
export const secretFieldPaths = secretFieldNames.flatMap((name) => [name, `*.${name}`, `*.*.${name}`]);

/**
 * Every string inside a line's fields through `redact`, at any depth: a key that lands in a field
 * nobody expected to hold one is still masked. Objects are copied, never changed in place.
 */
export function redactStrings(value: unknown, depth = 0): unknown {
  if (typeof value === 'string') return redact(value);
  if (value === null || typeof value !== 'object' || depth > 8) return value;
  if (value instanceof Error) return redact(value.stack ?? value.message);
  if (Array.isArray(value)) return value.map((item) => redactStrings(item, depth + 1));
  const copy: Record<string, unknown> = {};
  for (const [name, item] of Object.entries(value)) copy[name] = redactStrings(item, depth + 1);
  return copy;
}
