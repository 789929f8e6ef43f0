import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection, Subscription } from 'nats';
import { DataSource } from 'typeorm';
import {
  CallOutcome,
  ChannelCalledEvent,
  ChannelHealthClearedEvent,
  ChannelType,
  createValidated,
  Events,
  newId,
} from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { broadcast, broadcastBeforeAnswering, LOGGER, NATS_CONNECTION, onBroadcast } from '@switchyard/nats';
import { UpstreamError } from '@switchyard/providers';
import { metrics, onScrape } from '@switchyard/runtime';
import { ChannelTable } from './channel-table';
import { HealthBoard } from './health-board';
import { RouterConfig } from '../router.config';
import { causedByRequest } from '../execution/upstream-failure';

/** The circuit a channel's Files API uploads use: they serve no model. */
export const FILES_API_CIRCUIT = '(files)';

/** One upstream call, as health sees it: which channel, for which model, for whom. */
export interface ChannelCallRef {
  channelId: string;
  channelType: ChannelType;
  model: string;
  callerUserId: string;
}

/**
 * Transient faults of the channel open the circuit; a refused key disables the channel; a failure
 * the request caused (a 400, context length, content policy) says nothing about the channel.
 */
export function outcomeOf(error: UpstreamError | null): CallOutcome {
  if (!error) return 'success';
  if (error.failure === 'http' && (error.status === 401 || error.status === 403)) return 'credential';
  if (causedByRequest(error)) return 'success';
  return error.retryable ? 'transient' : 'success';
}

/** A failure as an admin reads it: the upstream's status (or how the call failed) and its message. */
export function errorText(error: UpstreamError): string {
  return `${error.status !== null ? `HTTP ${error.status}` : error.failure}: ${error.message}`.slice(0, 500);
}

/**
 * The health of every channel and model, the same on every router replica: each replica
 * broadcasts the outcomes of its upstream calls that change a circuit and applies everyone's to
 * its own HealthBoard. A refused key auto-disables the channel in Postgres (with the reason) at once.
 */
@Injectable()
export class ChannelHealth implements OnApplicationBootstrap, OnApplicationShutdown {
  readonly board: HealthBoard;
  private readonly replica = newId('rtr_');
  private subscription: Subscription | null = null;
  private resets: Subscription | null = null;

  constructor(
    private readonly ds: DataSource,
    private readonly table: ChannelTable,
    config: RouterConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {
    this.board = new HealthBoard({
      failureThreshold: config.SWITCHYARD_CIRCUIT_FAILURES,
      windowMs: config.SWITCHYARD_CIRCUIT_WINDOW_MS,
      cooldownMs: config.SWITCHYARD_CIRCUIT_COOLDOWN_MS,
      minCallers: config.SWITCHYARD_CIRCUIT_MIN_CALLERS,
    });
  }

  private stopMetrics: (() => void) | null = null;

  onApplicationBootstrap(): void {
    this.stopMetrics = onScrape(() => this.setCircuitGauge());
    this.subscription = onBroadcast(this.nc, Events.routerChannelCalled, (message) => {
      // a malformed message throws here and is dropped by onBroadcast
      const event = createValidated(ChannelCalledEvent, message);
      if (event.replica !== this.replica) this.board.record(event);
    });
    this.resets = onBroadcast(this.nc, Events.routerChannelHealthCleared, (message) => {
      const { channelId, reset } = createValidated(ChannelHealthClearedEvent, message);
      this.board[reset](channelId);
    });
  }

  /** A channel's circuits start over here and, before the admin's write is answered, on every other replica. */
  async resetEverywhere(channelId: string, reset: ChannelHealthClearedEvent['reset']): Promise<void> {
    this.board[reset](channelId);
    await broadcastBeforeAnswering(this.nc, Events.routerChannelHealthCleared, { channelId, reset });
  }

  onApplicationShutdown(): void {
    this.stopMetrics?.();
    this.subscription?.unsubscribe();
    this.resets?.unsubscribe();
  }

  admit(channelId: string, model: string): boolean {
    return this.board.admit(channelId, model, Date.now());
  }

  /**
   * Failures go to every replica. A success changes nothing while the circuit is closed (failures
   * leave the window by themselves), so only a success that closes an open circuit is broadcast:
   * otherwise each request would cost every replica a message.
   */
  report(call: ChannelCallRef, error: UpstreamError | null): void {
    const outcome = outcomeOf(error);
    const at = Date.now();
    const worthTelling = outcome !== 'success' || this.board.state(call.channelId, call.model, at) !== 'closed';
    const event: ChannelCalledEvent = {
      ...call,
      outcome,
      at,
      replica: this.replica,
      ...(outcome !== 'success' && { error: errorText(error!) }),
    };
    this.board.record(event);
    if (worthTelling) broadcast(this.nc, Events.routerChannelCalled, event);
    if (outcome === 'credential')
      void this.autoDisable(call, `The upstream refused the channel's key (HTTP ${error!.status}): ${error!.message}`.slice(0, 500));
  }

  /** The circuit gauge, set from the board at each scrape (a circuit turns half-open by the clock alone). */
  private setCircuitGauge(): void {
    const gauge = metrics().circuitState;
    gauge.reset();
    const worstPrivate = new Map<string, number>();
    for (const c of this.board.circuits(Date.now())) {
      if (c.isPrivate) worstPrivate.set(c.model, Math.max(worstPrivate.get(c.model) ?? 0, c.severity));
      else gauge.set({ channel: c.channelId, model: c.model }, c.severity);
    }
    for (const [model, severity] of worstPrivate) gauge.set({ channel: 'private', model }, severity);
  }

  private async autoDisable({ channelId, channelType }: ChannelCallRef, reason: string): Promise<void> {
    try {
      const [, affected] = await this.ds.query<[unknown, number]>(
        `UPDATE router.channels SET status = 'auto_disabled', status_reason = $2, updated_at = now() WHERE id = $1 AND status = 'enabled'`,
        [channelId, reason],
      );
      if (affected === 0) return;
      metrics().channelAutoDisables.inc({ channel: channelType === 'PRIVATE' ? 'private' : channelId });
      this.logger.warn(`channel ${channelId} auto-disabled: ${reason}`);
      await this.table.changed();
    } catch (error) {
      this.logger.error(`channel ${channelId}: could not auto-disable it`, error);
    }
  }
}
