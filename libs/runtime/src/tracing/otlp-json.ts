import type { AttributeValue, Attributes, HrTime, Link } from '@opentelemetry/api';
import type { ReadableSpan, TimedEvent } from '@opentelemetry/sdk-trace-base';

/*
 * OTLP/JSON (the OTLP/HTTP JSON encoding: lowercase hex ids, int64 as decimal strings, enums as
 * numbers, fields at their default value left out as proto3 JSON allows) written straight from the
 * SDK's ReadableSpans. Why not the SDK's transformer: it builds an object tree per span, stringifies
 * it and encodes the string again to bytes; at 100 % sampling that was most of tracing's CPU (a
 * profile of 60,000 spans: transformer, JSON.stringify and TextEncoder ~1 s, this writer ~0.2 s).
 */

/** W3C trace flags in the low byte, "whether the parent is remote is known" and "is remote" above it (the OTLP span flags). */
const FLAG_HAS_IS_REMOTE = 0x100;
const FLAG_IS_REMOTE = 0x200;

/**
 * An export request (`ExportTraceServiceRequest`) holding `spans`, grouped by resource and
 * instrumentation scope, as UTF-8 bytes. Each span is encoded to its own small buffer and the
 * buffers are copied once into the body: joining the spans' strings into one large string cost
 * twice as much as writing them (V8 flattens every piece and allocates the result on its heap).
 */
export function otlpJsonOf(spans: readonly ReadableSpan[]): Buffer {
  const byResource = new Map<ReadableSpan['resource'], Map<string, Buffer[]>>();
  for (const span of spans) {
    let scopes = byResource.get(span.resource);
    if (!scopes) byResource.set(span.resource, (scopes = new Map()));
    const key = scopeJson(span.instrumentationScope);
    let encoded = scopes.get(key);
    if (!encoded) scopes.set(key, (encoded = []));
    encoded.push(Buffer.from(spanJson(span)));
  }
  const chunks: Buffer[] = [];
  let resourceSeparator = '';
  for (const [resource, scopes] of byResource) {
    let scopeSeparator = '';
    chunks.push(Buffer.from(`${resourceSeparator}{"resource":${resourceJson(resource)},"scopeSpans":[`));
    for (const [scope, encoded] of scopes) {
      chunks.push(Buffer.from(`${scopeSeparator}{"scope":${scope},"spans":[`));
      encoded.forEach((span, i) => {
        if (i > 0) chunks.push(COMMA);
        chunks.push(span);
      });
      chunks.push(CLOSE);
      scopeSeparator = ',';
    }
    chunks.push(CLOSE);
    resourceSeparator = ',';
  }
  return Buffer.concat([OPEN_REQUEST, ...chunks, CLOSE]);
}

const OPEN_REQUEST = Buffer.from('{"resourceSpans":[');
const COMMA = Buffer.from(',');
const CLOSE = Buffer.from(']}');

const resourceCache = new WeakMap<object, string>();

function resourceJson(resource: ReadableSpan['resource']): string {
  let json = resourceCache.get(resource);
  if (json === undefined) {
    json = `{"attributes":${attributesJson(resource.attributes)}}`;
    resourceCache.set(resource, json);
  }
  return json;
}

const scopeCache = new WeakMap<object, string>();

function scopeJson(scope: ReadableSpan['instrumentationScope']): string {
  let json = scopeCache.get(scope);
  if (json === undefined) {
    json = `{"name":${JSON.stringify(scope.name)}${scope.version ? `,"version":${JSON.stringify(scope.version)}` : ''}}`;
    scopeCache.set(scope, json);
  }
  return json;
}

/** One span (`Span` of the trace proto). */
export function spanJson(span: ReadableSpan): string {
  const context = span.spanContext();
  const parent = span.parentSpanContext;
  let json = `{"traceId":"${context.traceId}","spanId":"${context.spanId}"`;
  if (parent?.spanId) json += `,"parentSpanId":"${parent.spanId}"`;
  const traceState = context.traceState?.serialize();
  if (traceState) json += `,"traceState":${JSON.stringify(traceState)}`;
  json += `,"name":${JSON.stringify(span.name)},"kind":${span.kind + 1}`;
  json += `,"startTimeUnixNano":"${unixNanos(span.startTime)}","endTimeUnixNano":"${unixNanos(span.endTime)}"`;
  json += `,"attributes":${attributesJson(span.attributes)}`;
  if (span.droppedAttributesCount > 0) json += `,"droppedAttributesCount":${span.droppedAttributesCount}`;
  if (span.events.length > 0) json += `,"events":[${span.events.map(eventJson).join(',')}]`;
  if (span.droppedEventsCount > 0) json += `,"droppedEventsCount":${span.droppedEventsCount}`;
  if (span.status.code !== 0 || span.status.message)
    json += `,"status":{"code":${span.status.code}${span.status.message ? `,"message":${JSON.stringify(span.status.message)}` : ''}}`;
  if (span.links.length > 0) json += `,"links":[${span.links.map(linkJson).join(',')}]`;
  if (span.droppedLinksCount > 0) json += `,"droppedLinksCount":${span.droppedLinksCount}`;
  return `${json},"flags":${spanFlags(context.traceFlags, parent?.isRemote)}}`;
}

function spanFlags(traceFlags: number, isRemote: boolean | undefined): number {
  return (traceFlags & 0xff) | FLAG_HAS_IS_REMOTE | (isRemote ? FLAG_IS_REMOTE : 0);
}

function eventJson(event: TimedEvent): string {
  let json = `{"timeUnixNano":"${unixNanos(event.time)}","name":${JSON.stringify(event.name)}`;
  if (event.attributes) json += `,"attributes":${attributesJson(event.attributes)}`;
  if (event.droppedAttributesCount) json += `,"droppedAttributesCount":${event.droppedAttributesCount}`;
  return `${json}}`;
}

function linkJson(link: Link): string {
  let json = `{"traceId":"${link.context.traceId}","spanId":"${link.context.spanId}"`;
  const traceState = link.context.traceState?.serialize();
  if (traceState) json += `,"traceState":${JSON.stringify(traceState)}`;
  if (link.attributes) json += `,"attributes":${attributesJson(link.attributes)}`;
  if (link.droppedAttributesCount) json += `,"droppedAttributesCount":${link.droppedAttributesCount}`;
  return `${json},"flags":${spanFlags(link.context.traceFlags, link.context.isRemote)}}`;
}

/** An HrTime ([seconds, nanoseconds]) as the decimal string of nanoseconds since the epoch (exact: no float above 2^53). */
export function unixNanos(time: HrTime): string {
  const [seconds, nanos] = time;
  const rest = String(Math.trunc(nanos));
  return seconds === 0 ? rest : `${seconds}${rest.padStart(9, '0')}`;
}

/** Attributes as `KeyValue`s. */
export function attributesJson(attributes: Attributes): string {
  let json = '[';
  for (const key in attributes) {
    const value = attributes[key];
    if (value === undefined) continue;
    if (json.length > 1) json += ',';
    json += `{"key":${JSON.stringify(key)},"value":${anyValueJson(value)}}`;
  }
  return `${json}]`;
}

/** One value as an `AnyValue`: integers as `intValue` strings, other numbers as `doubleValue` (NaN and infinities by name, as proto3 JSON spells them). */
export function anyValueJson(value: AttributeValue | null | undefined | Uint8Array): string {
  if (typeof value === 'string') return `{"stringValue":${JSON.stringify(value)}}`;
  if (typeof value === 'boolean') return `{"boolValue":${value}}`;
  if (typeof value === 'number') {
    if (Number.isSafeInteger(value)) return `{"intValue":"${value}"}`;
    return Number.isFinite(value) ? `{"doubleValue":${value}}` : `{"doubleValue":"${value}"}`;
  }
  if (value instanceof Uint8Array)
    return `{"bytesValue":"${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64')}"}`;
  if (Array.isArray(value))
    return `{"arrayValue":{"values":[${value.map((item) => anyValueJson(item as AttributeValue | null)).join(',')}]}}`;
  return '{}';
}
