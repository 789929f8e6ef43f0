import { Context, TextMapGetter } from '@opentelemetry/api';
import { headers as natsHeaders, MsgHdrs } from 'nats';
import { extractTraceContext, tracingEnabled, withTraceHeaders } from '@switchyard/runtime';

/** Reads W3C trace context (`traceparent`, `tracestate`) from NATS message headers. */
export const natsHeaderGetter: TextMapGetter<MsgHdrs | undefined> = {
  keys: (carrier) => (carrier ? carrier.keys() : []),
  get: (carrier, key) => {
    if (!carrier?.has(key)) return undefined;
    return carrier.get(key);
  },
};

/** NATS headers carrying the trace context of `ctx`, or undefined when tracing is off or there is no span to continue. */
export function traceHeadersFor(ctx: Context): MsgHdrs | undefined {
  if (!tracingEnabled()) return undefined;
  const fields = withTraceHeaders({}, ctx);
  const names = Object.keys(fields);
  if (names.length === 0) return undefined;
  const headers = natsHeaders();
  for (const name of names) headers.set(name, fields[name]);
  return headers;
}

/** The trace context a NATS message carries (the root context when none). */
export function traceContextOf(headers: MsgHdrs | undefined): Context {
  return extractTraceContext(headers, natsHeaderGetter);
}
