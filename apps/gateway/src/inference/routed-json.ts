import type { RoutingInfo } from '@switchyard/contracts';

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * A JSON object's text with `"_routing":{…}` as its last member, written without parsing the
 * object; null when `raw` is not an object's text. The caller's answer is the same as
 * `JSON.stringify({ ...JSON.parse(raw), _routing })` (the router never passes on an object that
 * already has `_routing`).
 */
export function withRoutingSpliced(raw: string, routing: RoutingInfo): string | null {
  let first = 0;
  while (first < raw.length && isSpace(raw.charCodeAt(first))) first++;
  let last = raw.length - 1;
  while (last > first && isSpace(raw.charCodeAt(last))) last--;
  // a JSON value that opens with `{` and ends with `}` is an object
  if (raw.charCodeAt(first) !== 0x7b || raw.charCodeAt(last) !== 0x7d || last === first) return null;
  let beforeClose = last - 1;
  while (beforeClose > first && isSpace(raw.charCodeAt(beforeClose))) beforeClose--;
  const separator = beforeClose === first ? '' : ',';
  return `${raw.slice(first, last)}${separator}"_routing":${JSON.stringify(routing)}}`;
}
