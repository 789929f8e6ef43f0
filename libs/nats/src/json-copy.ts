/**
 * What `JSON.parse(JSON.stringify(value))` returns, built without the text in between: `toJSON` is
 * honoured (a Date becomes its ISO string), `undefined`, functions and symbols are dropped from
 * objects and become null in arrays, non-finite numbers become null, and only own enumerable keys
 * are kept. The copy shares nothing mutable with the original (strings are immutable), so a message
 * handed to a handler in the same process is as isolated from its sender as one that crossed NATS.
 */
export function copyAsJson(value: unknown): unknown {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return value;
    case 'number':
      // -0 is written as 0
      return Number.isFinite(value) ? value + 0 : null;
    case 'object':
      return value === null ? null : copyObject(value as Record<string, unknown>);
    case 'bigint':
      throw new TypeError('Do not know how to serialize a BigInt');
    case 'undefined':
    case 'function':
    case 'symbol':
      return undefined;
  }
}

function copyObject(value: Record<string, unknown>): unknown {
  if (typeof value.toJSON === 'function') return copyAsJson((value.toJSON as (key: string) => unknown)(''));
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) {
      const item = copyAsJson(value[i]);
      out[i] = item === undefined ? null : item;
    }
    return out;
  }
  if (value instanceof Number || value instanceof String || value instanceof Boolean) return copyAsJson(value.valueOf());
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value)) {
    const item = copyAsJson(value[key]);
    if (item === undefined) continue;
    // JSON.parse makes "__proto__" an own key; plain assignment would set the copy's prototype instead
    if (key === '__proto__') Object.defineProperty(out, key, { value: item, enumerable: true, writable: true, configurable: true });
    else out[key] = item;
  }
  return out;
}
