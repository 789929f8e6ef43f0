import { JetStreamManager, KV, KvOptions, NatsConnection, StreamInfo } from 'nats';

/**
 * Raises the copies JetStream keeps of a stream (a KV bucket is the stream `KV_<bucket>`) to
 * `replicas` when it has fewer, e.g. one made before SWITCHYARD_JETSTREAM_REPLICAS was raised. It
 * never lowers them: more copies than asked were chosen by an operator (or another replica's setting).
 * Throws, naming the stream and the setting, when NATS refuses (fewer cluster nodes than replicas, or
 * a single server: replicas above 1 need JetStream clustering).
 */
export async function ensureReplicas(jsm: JetStreamManager, info: StreamInfo, replicas: number): Promise<void> {
  const current = info.config.num_replicas || 1;
  if (current >= replicas) return;
  try {
    await jsm.streams.update(info.config.name, { ...info.config, num_replicas: replicas });
    await everyCopyCurrent(jsm, info.config.name, replicas);
  } catch (error) {
    throw new Error(
      `JetStream stream ${info.config.name} has ${current} replica(s) and SWITCHYARD_JETSTREAM_REPLICAS asks for ${replicas}, ` +
        `but NATS refused to add them (${(error as Error).message}); it needs a cluster of at least ${replicas} JetStream servers`,
    );
  }
}

const RAISE_TIMEOUT_MS = 30_000;

/**
 * Waits until the stream's leader and `replicas` - 1 current copies are in place: until then a
 * stream just raised answers no publish (nats-server 2.9: 503 no responders).
 */
async function everyCopyCurrent(jsm: JetStreamManager, stream: string, replicas: number): Promise<void> {
  const until = Date.now() + RAISE_TIMEOUT_MS;
  for (;;) {
    const info = await jsm.streams.info(stream).catch(() => null);
    const current = (info?.cluster?.replicas ?? []).filter((r) => r.current && !r.offline).length;
    if (info?.cluster?.leader && current >= replicas - 1) return;
    if (Date.now() > until) throw new Error(`its ${replicas} copies were not in place within ${RAISE_TIMEOUT_MS / 1000} s`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Opens a KV bucket, made with `replicas` copies when missing, and raised to `replicas` when an
 * earlier start made it with fewer. `timeoutMs`: the JetStream calls' timeout (the client's default otherwise).
 */
export async function openKvBucket(
  nc: NatsConnection,
  bucket: string,
  options: Partial<KvOptions>,
  replicas: number,
  timeoutMs?: number,
): Promise<KV> {
  const kv = await nc.jetstream(timeoutMs === undefined ? {} : { timeout: timeoutMs }).views.kv(bucket, { ...options, replicas });
  const jsm = await nc.jetstreamManager(timeoutMs === undefined ? {} : { timeout: timeoutMs });
  await ensureReplicas(jsm, await jsm.streams.info(`KV_${bucket}`), replicas);
  return kv;
}
