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
 * instrumentation scope, as UTF-8 bytes. Each span's JSON is written straight into the body: joining
 * the spans' strings into one large string cost twice as much (V8 flattens every piece and
 * allocates the result on its heap), and a buffer per span cost a copy and an allocation each.
 */
export function otlpJsonOf(spans: readonly ReadableSpan[]): Buffer {
  const byResource = new Map<ReadableSpan['resource'], Map<string, ReadableSpan[]>>();
  for (const span of spans) {
    let scopes = byResource.get(span.resource);
    if (!scopes) byResource.set(span.resource, (scopes = new Map()));
    const key = scopeJson(span.instrumentationScope);
    let ofScope = scopes.get(key);
    if (!ofScope) scopes.set(key, (ofScope = []));
    ofScope.push(span);
  }
  const body = new BodyWriter(spans.length * BYTES_PER_SPAN_GUESS);
  body.write('{"resourceSpans":[');
  let resourceSeparator = '';
  for (const [resource, scopes] of byResource) {
    let scopeSeparator = '';
    body.write(`${resourceSeparator}{"resource":${resourceJson(resource)},"scopeSpans":[`);
    for (const [scope, ofScope] of scopes) {
      body.write(`${scopeSeparator}{"scope":${scope},"spans":[`);
      for (let i = 0; i < ofScope.length; i++) body.write(i === 0 ? spanJson(ofScope[i]) : `,${spanJson(ofScope[i])}`);
      body.write(']}');
      scopeSeparator = ',';
    }
    body.write(']}');
    resourceSeparator = ',';
  }
  body.write(']}');
  return body.bytes();
}

/** What a span takes in the body, about (the first allocation; the writer grows past it). */
const BYTES_PER_SPAN_GUESS = 1024;

/** UTF-8 text written into one buffer that doubles when a piece might not fit. */
class BodyWriter {
  private buffer: Buffer;
  private length = 0;

  constructor(capacity: number) {
    this.buffer = Buffer.allocUnsafe(Math.max(256, capacity));
  }

  write(text: string): void {
    // a UTF-16 code unit takes at most 3 bytes in UTF-8
    const needed = this.length + text.length * 3;
    if (needed > this.buffer.length) {
      const grown = Buffer.allocUnsafe(Math.max(needed, this.buffer.length * 2));
      this.buffer.copy(grown, 0, 0, this.length);
      this.buffer = grown;
    }
    this.length += this.buffer.write(text, this.length);
  }

  bytes(): Buffer {
    return this.buffer.subarray(0, this.length);
  }
}

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
