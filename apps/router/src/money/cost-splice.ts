import type { ShownCost } from './spend';

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

function skipSpace(text: string, at: number): number {
  while (at < text.length && isSpace(text.charCodeAt(at))) at++;
  return at;
}

/** The index just past the string that opens at `at` (a `"`). */
function skipString(text: string, at: number): number {
  for (let i = at + 1; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x5c) i++;
    else if (c === 0x22) return i + 1;
  }
  return -1;
}

/** The index just past the JSON value that starts at `at`. */
function skipValue(text: string, at: number): number {
  const first = text.charCodeAt(at);
  if (first === 0x22) return skipString(text, at);
  if (first !== 0x7b && first !== 0x5b) {
    let i = at;
    while (i < text.length) {
      const c = text.charCodeAt(i);
      if (c === 0x2c || c === 0x7d || c === 0x5d || isSpace(c)) break;
      i++;
    }
    return i;
  }
  let depth = 0;
  for (let i = at; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      i = skipString(text, i) - 1;
      if (i < 0) return -1;
    } else if (c === 0x7b || c === 0x5b) depth++;
    else if (c === 0x7d || c === 0x5d) {
      if (--depth === 0) return i + 1;
    }
  }
  return -1;
}

/**
 * Where the value of the top-level member `name` of the JSON object `text` starts and ends (the
 * last such member, as JSON.parse keeps the last); null when `text` is no object or has none.
 * `text` must be valid JSON (the caller parsed it).
 */
export function topLevelMember(text: string, name: string): { start: number; end: number } | null {
  let at = skipSpace(text, 0);
  if (text.charCodeAt(at) !== 0x7b) return null;
  at = skipSpace(text, at + 1);
  let found: { start: number; end: number } | null = null;
  while (at < text.length && text.charCodeAt(at) === 0x22) {
    const keyEnd = skipString(text, at);
    if (keyEnd < 0) return null;
    const quoted = text.slice(at, keyEnd);
    const key = quoted.includes('\\') ? (JSON.parse(quoted) as string) : quoted.slice(1, -1);
    at = skipSpace(text, keyEnd);
    if (text.charCodeAt(at) !== 0x3a) return null;
    const start = skipSpace(text, at + 1);
    const end = skipValue(text, start);
    if (end < 0) return null;
    if (key === name) found = { start, end };
    at = skipSpace(text, end);
    if (text.charCodeAt(at) !== 0x2c) break;
    at = skipSpace(text, at + 1);
  }
  return found;
}

/**
 * The upstream's JSON answer `raw` (parsed as `body`) with `usage.cost` (and `cost_details`) spliced
 * into its `usage` object: the same answer `withCost(body, shown)` serializes to, without
 * serializing it. Null when splicing cannot give that same answer (`usage` not an object, a
 * `cost` or `_routing` already there): the caller then sends the parsed answer.
 */
export function withCostSpliced(raw: string, body: Record<string, unknown>, shown: ShownCost | null): string | null {
  if (Object.prototype.hasOwnProperty.call(body, '_routing')) return null;
  const usage = body.usage;
  if (raw.charCodeAt(skipSpace(raw, 0)) !== 0x7b) return null;
  if (!shown || !usage || typeof usage !== 'object') return raw;
  if (
    Array.isArray(usage) ||
    Object.prototype.hasOwnProperty.call(usage, 'cost') ||
    Object.prototype.hasOwnProperty.call(usage, 'cost_details')
  )
    return null;
  const member = topLevelMember(raw, 'usage');
  if (!member || raw.charCodeAt(member.start) !== 0x7b) return null;
  const closing = member.end - 1;
  const details = shown.upstreamCost !== null ? `,"cost_details":{"upstream_inference_cost":${JSON.stringify(shown.upstreamCost)}}` : '';
  const separator = Object.keys(usage).length > 0 ? ',' : '';
  return `${raw.slice(0, closing)}${separator}"cost":${JSON.stringify(shown.cost)}${details}${raw.slice(closing)}`;
}
