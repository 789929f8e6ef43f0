import { AckPolicy, DeliverPolicy, JetStreamClient, JsMsg, NatsConnection, RetentionPolicy, StorageType } from 'nats';
import { DurableEventSubject, EventMap } from '@switchyard/contracts';
import { Context, context } from '@opentelemetry/api';
import { endSpanWithError, metrics, onScrape, runInContext, tracingEnabled } from '@switchyard/runtime';
import { publishTraceOf, startProcessSpan } from './durable-spans';
import { ensureReplicas } from './jetstream-replicas';
import { inTrace } from './rpc-spans';
import { traceContextOf, traceHeadersFor } from './trace-headers';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

export interface DurableStream {
  name: string;
  subjects: readonly string[];
}

/**
 * Creates the stream if missing (idempotent across replicas), and adds the subjects it lacks to a
 * stream an earlier version created. Work-queue retention: a message is gone once acked.
 * `replicas` (SWITCHYARD_JETSTREAM_REPLICAS): copies kept by a NATS cluster; a stream made with
 * fewer is raised to it (jetstream-replicas.ts).
 */
export async function ensureStream(nc: NatsConnection, stream: DurableStream, replicas = 1): Promise<void> {
  const jsm = await nc.jetstreamManager();
  const config = {
    name: stream.name,
    subjects: [...stream.subjects],
    retention: RetentionPolicy.Workqueue,
    storage: StorageType.File,
    duplicate_window: 2 * 60 * 1_000_000_000, // ns: publishes with the same msgID inside it are dropped
    num_replicas: replicas,
  };
  let existing = await jsm.streams.info(stream.name).catch(() => null);
  if (!existing) {
    try {
      await jsm.streams.add(config);
      return;
    } catch (e) {
      // another replica created it between our info and add
      existing = await jsm.streams.info(stream.name).catch(() => {
        throw e;
      });
    }
  }
  const subjects = existing.config.subjects ?? [];
  const missing = stream.subjects.filter((s) => !subjects.includes(s));
  if (missing.length > 0) existing = await jsm.streams.update(stream.name, { ...existing.config, subjects: [...subjects, ...missing] });
  await ensureReplicas(jsm, existing, replicas);
}

/**
 * Publishes durably; `msgId` makes a re-publish of the same fact a no-op inside the duplicate window.
 * `trace` (the context of the span it was sent in) rides in the message's headers to the consumer.
 */
export async function publishDurable<S extends DurableEventSubject>(
  js: JetStreamClient,
  subject: S,
  payload: EventMap[S],
  msgId: string,
  trace?: Context,
): Promise<void> {
  await js.publish(subject, encoder.encode(JSON.stringify(payload)), { msgID: msgId, headers: trace && traceHeadersFor(trace) });
}

const PUBLISH_RETRY_DELAYS_MS = [100, 500, 2000, 5000, 10000];

/**
 * publishDurable, retried with back-off while JetStream is unreachable; throws the last error when it gives up.
 * Inside a trace, the message carries it (durable-spans.ts).
 */
export async function publishDurableWithRetry<S extends DurableEventSubject>(
  js: JetStreamClient,
  subject: S,
  payload: EventMap[S],
  msgId: string,
): Promise<void> {
  const traced = publishTraceOf(subject, [context.active()]);
  for (let attempt = 0; ; attempt++) {
    try {
      await publishDurable(js, subject, payload, msgId, traced?.context);
      traced?.span?.end();
      return;
    } catch (error) {
      if (attempt >= PUBLISH_RETRY_DELAYS_MS.length) {
        if (traced?.span) endSpanWithError(traced.span, error);
        throw error;
      }
      await new Promise((r) => setTimeout(r, PUBLISH_RETRY_DELAYS_MS[attempt]));
    }
  }
}

const PULL_EXPIRES_MS = 5_000;

export interface DurableConsumer {
  stop(): Promise<void>;
}

/**
 * Consumes a stream through one shared durable consumer, so N replicas share the work and a
 * crashed replica's unacked messages are redelivered (after the ack wait). The handler must be
 * idempotent. A handler error naks the message for a later retry; `stop` naks what was pulled and
 * not started, so another replica gets it at once.
 */
export async function consumeDurable(
  nc: NatsConnection,
  streamName: string,
  durableName: string,
  handler: (payload: unknown, msg: JsMsg) => Promise<void>,
  onError: (error: unknown) => void,
  /** messages handled at once (each acked when its own handler finishes); 1 = strictly one after another */
  concurrency = 1,
  /** the consuming service, named on the span of each message it handles (when tracing is on) */
  service = durableName,
): Promise<DurableConsumer> {
  const jsm = await nc.jetstreamManager();
  try {
    await jsm.consumers.info(streamName, durableName);
  } catch {
    await jsm.consumers
      .add(streamName, {
        durable_name: durableName,
        ack_policy: AckPolicy.Explicit,
        deliver_policy: DeliverPolicy.All,
        ack_wait: 30_000_000_000,
        max_deliver: -1,
      })
      .catch(async (e) => {
        await jsm.consumers.info(streamName, durableName).catch(() => {
          throw e;
        });
      });
  }
  const consumer = await nc.jetstream().consumers.get(streamName, durableName);
  // a pull lasts PULL_EXPIRES_MS, heartbeated every half of it: when the node leading the consumer dies
  // (a NATS cluster), two missed heartbeats make the client pull again from the new leader within
  // ~5 s, where the client's default (30 s) left billing idle that long
  const messages = await consumer.consume({ max_messages: 256, expires: PULL_EXPIRES_MS });
  const labels = { stream: streamName, consumer: durableName };
  const stopMetrics = onScrape(async () => {
    const info = await jsm.consumers.info(streamName, durableName);
    metrics().consumerPending.set({ ...labels, state: 'pending' }, info.num_pending);
    metrics().consumerPending.set({ ...labels, state: 'ack_pending' }, info.num_ack_pending);
  });
  const handle = async (msg: JsMsg) => {
    if (msg.info.redeliveryCount > 1) metrics().consumerRedeliveries.inc(labels);
    // a message carries headers only when it was published inside a trace (durable-spans.ts)
    const parent = tracingEnabled() && msg.headers ? traceContextOf(msg.headers) : null;
    const traced = parent && inTrace(parent) ? startProcessSpan(service, msg.subject, parent) : null;
    try {
      const payload: unknown = JSON.parse(decoder.decode(msg.data));
      await (traced ? runInContext(traced.context, () => handler(payload, msg)) : handler(payload, msg));
      msg.ack();
      traced?.span.end();
    } catch (error) {
      if (traced) endSpanWithError(traced.span, error);
      onError(error);
      // back off: 1 s, 2 s, 4 s … up to a minute, so a message that keeps failing cannot spin the consumer
      msg.nak(Math.min(60_000, 1000 * 2 ** Math.min(6, msg.info.redeliveryCount - 1)));
    }
  };
  const running = new Set<Promise<void>>();
  let stopping = false;
  let wakeOnStop: () => void = () => undefined;
  const stopped = new Promise<void>((resolve) => (wakeOnStop = resolve));
  const loop = (async () => {
    for await (const msg of messages) {
      // pulled but not started when the consumer stops: handed back at once for another replica, not after the ack wait
      if (stopping) {
        msg.nak();
        continue;
      }
      const task = handle(msg).finally(() => running.delete(task));
      running.add(task);
      if (running.size >= concurrency) await Promise.race([...running, stopped]);
    }
    await Promise.all(running);
  })();
  return {
    /** Stops pulling, hands back (naks) what was pulled and not yet started, and waits for the running handlers. */
    async stop() {
      stopping = true;
      wakeOnStop();
      stopMetrics();
      await messages.close();
      await loop;
    },
  };
}
