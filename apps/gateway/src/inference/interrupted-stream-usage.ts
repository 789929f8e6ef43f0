import { Inject, Injectable, OnApplicationBootstrap } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { estimateUsage, Events, ExecuteRequest, RoutingInfo, Streams, UsageEvent } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { ensureStream, LOGGER, NATS_CONNECTION, publishDurableWithRetry } from '@switchyard/nats';
import { GatewayConfig } from '../gateway.config';

/**
 * What a stream used when its producer (a router replica) died before it could report the usage:
 * the request as the gateway received it and the text the gateway forwarded to the caller,
 * estimated as the router estimates an upstream that reports no usage.
 */
export function usageOfInterruptedStream(
  execute: ExecuteRequest,
  channel: RoutingInfo['channel'],
  forwardedText: string,
  startedAt: number,
  now = Date.now(),
): UsageEvent {
  const usage = estimateUsage(execute.body, forwardedText);
  return {
    requestId: execute.requestId,
    userId: execute.principal.userId,
    keyId: execute.principal.keyId,
    model: execute.body.model,
    endpoint: execute.endpoint,
    channelId: channel.id,
    channelType: channel.channelType,
    promptTokens: usage.promptTokens,
    completionTokens: usage.completionTokens,
    audioSeconds: usage.audioSeconds ?? 0,
    estimated: true,
    cached: false,
    batchId: null,
    prepaidBy: null,
    latencyMs: Math.max(0, now - startedAt),
    createdAt: new Date(startedAt).toISOString(),
  };
}

/**
 * Bills interrupted streams on the durable usage stream billing already consumes. Billing keeps
 * the first event per request id, so if the router did report before it died, its figures stand.
 */
@Injectable()
export class InterruptedStreamBilling implements OnApplicationBootstrap {
  constructor(
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: JsonLogger,
    private readonly config: GatewayConfig,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await ensureStream(this.nc, Streams.usage, this.config.SWITCHYARD_JETSTREAM_REPLICAS);
  }

  /** Never throws: the caller's stream has already ended; a publish that keeps failing is logged for reconciliation. */
  async bill(event: UsageEvent): Promise<void> {
    try {
      await publishDurableWithRetry(this.nc.jetstream(), Events.gatewayRequestInterrupted, event, `usage:interrupted:${event.requestId}`);
    } catch (error) {
      this.logger.error(`usage of interrupted stream ${event.requestId} could not be published`, error, JSON.stringify(event));
    }
  }
}
