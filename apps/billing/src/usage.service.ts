import { Inject, Injectable } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { chargeFor, chargePolicyOf, Events, PriceNano, UsageEvent } from '@switchyard/contracts';
import { queryPrepared } from '@switchyard/database';
import { broadcast, NATS_CONNECTION } from '@switchyard/nats';
import { isDependencyOutage } from '@switchyard/runtime';
import { BillingConfig } from './billing.config';
import { moveNetPosition } from './net-position';
import { PricesService } from './prices.service';
import { countBilledUsage } from './usage-metrics';
import { RECORD_MEASURES, rollupCtes } from './usage-rollups';

const MAX_GROUP = 200;

interface Pending {
  event: UsageEvent;
  resolve: (result: 'applied' | 'duplicate') => void;
  reject: (error: unknown) => void;
}

/**
 * Prices requests and debits them, exactly once per request id: a redelivered event finds its
 * usage record already there and changes nothing. Events that arrive together are applied in one
 * statement (one round trip and one commit instead of several per request), after waiting up to
 * SWITCHYARD_USAGE_LINGER_MS for more to arrive; if that fails, each is applied on its own, so one
 * bad event cannot hold the others back.
 */
@Injectable()
export class UsageService {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(
    private readonly ds: DataSource,
    private readonly prices: PricesService,
    private readonly config: BillingConfig,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {}

  apply(event: UsageEvent): Promise<'applied' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        const linger = this.config.SWITCHYARD_USAGE_LINGER_MS;
        if (linger > 0) setTimeout(() => void this.flush(), linger);
        else setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) await this.applyEach(this.queue.splice(0, MAX_GROUP));
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Settles every event of the group, whatever fails: an event left unsettled would hold its JetStream
   * message (and one of the consumer's slots) until the process ends. With the database unreachable the
   * whole group is refused at once (each event is redelivered later), without trying each on its own.
   */
  private async applyEach(group: Pending[]): Promise<void> {
    try {
      const prices = new Map<string, PriceNano | null>();
      for (const { event } of group) if (!prices.has(event.model)) prices.set(event.model, await this.prices.find(event.model));
      try {
        const results = await this.applyGroup(
          group.map((p) => p.event),
          prices,
        );
        group.forEach((p, i) => p.resolve(results[i]));
      } catch (error) {
        if (isDependencyOutage(error)) throw error;
        for (const p of group) await this.applyGroup([p.event], prices).then(([result]) => p.resolve(result), p.reject);
      }
    } catch (error) {
      for (const p of group) p.reject(error);
    }
  }

  /**
   * Applies a group of events in one statement (one round trip, one commit): records the usage
   * rows that are new, and only for those replaces what was set aside by the actual cost (a
   * request's own hold goes; a batch reservation or credit lease shrinks by the cost, never below
   * zero), appends the ledger entries, adds them to the hourly and daily roll-ups
   * (one upsert per bucket and key) and debits each user once. A cost the balance cannot cover
   * (an upstream answered past the limit held for) empties the balance and leaves the rest as debt,
   * and every router is told, so leases granted before stop serving that user's requests.
   */
  private async applyGroup(events: UsageEvent[], prices: Map<string, PriceNano | null>): Promise<('applied' | 'duplicate')[]> {
    const policy = chargePolicyOf(this.config);
    const rows = events.map((event, ord) => {
      const price = prices.get(event.model) ?? null;
      return {
        ord,
        request_id: event.requestId,
        user_id: event.userId,
        key_id: event.keyId,
        model: event.model,
        endpoint: event.endpoint,
        channel_id: event.channelId,
        channel_type: event.channelType,
        prompt_tokens: event.promptTokens,
        completion_tokens: event.completionTokens,
        cached_tokens: event.cachedTokens ?? 0,
        cache_write_tokens: event.cacheWriteTokens ?? 0,
        reasoning_tokens: event.reasoningTokens ?? 0,
        images: event.images ?? 0,
        audio_seconds: event.audioSeconds ?? 0,
        estimated: event.estimated,
        cached: event.cached ?? false,
        input_nano_per_million: String(price?.inputPerMillion ?? 0n),
        output_nano_per_million: String(price?.outputPerMillion ?? 0n),
        cached_input_nano_per_million: nullableNano(price?.cachedInputPerMillion),
        cache_write_input_nano_per_million: nullableNano(price?.cacheWriteInputPerMillion),
        image_nano: nullableNano(price?.imageNano),
        audio_second_nano: nullableNano(price?.audioSecondNano),
        call_nano: nullableNano(price?.callNano),
        batch_discount_ppm: String(price?.batchDiscountPpm ?? 0n),
        priced: price !== null,
        cost_nano: String(chargeFor(event, price, policy)),
        batch_id: event.batchId ?? null,
        latency_ms: event.latencyMs,
        created_at: event.createdAt,
        prepaid_by: event.prepaidBy ?? null,
      };
    });
    const applied = await queryPrepared<{ request_id: string; indebted: string[] }>(this.ds, 'billing_apply_usage', APPLY_USAGE_SQL, [
      JSON.stringify(rows),
    ]);
    for (const userId of applied[0]?.indebted ?? []) broadcast(this.nc, Events.billingUserIndebted, { userId });
    const fresh = new Set(applied.map((r) => r.request_id));
    rows.forEach((row, i) => fresh.has(row.request_id) && countBilledUsage(events[i], BigInt(row.cost_nano)));
    return events.map((e) => (fresh.has(e.requestId) ? 'applied' : 'duplicate'));
  }
}

const nullableNano = (value: bigint | null | undefined): string | null => (value === null || value === undefined ? null : String(value));

const USAGE_COLUMNS = `request_id, user_id, key_id, model, endpoint, channel_id, channel_type, prompt_tokens, completion_tokens,
  cached_tokens, cache_write_tokens, reasoning_tokens, images, audio_seconds, estimated, cached, input_nano_per_million,
  output_nano_per_million, cached_input_nano_per_million, cache_write_input_nano_per_million, image_nano, audio_second_nano,
  call_nano, batch_discount_ppm, priced, cost_nano, batch_id, latency_ms, created_at`;

/** $1: the events as a JSON array, costs already computed. Returns the request ids that were new, each with the users left owing debt. */
const APPLY_USAGE_SQL = `
WITH ev AS (
  SELECT * FROM jsonb_to_recordset($1::jsonb) AS e(
    ord int, request_id text, user_id text, key_id text, model text, endpoint text, channel_id text, channel_type text,
    prompt_tokens int, completion_tokens int, cached_tokens int, cache_write_tokens int, reasoning_tokens int, images int,
    audio_seconds int, estimated boolean, cached boolean, input_nano_per_million bigint, output_nano_per_million bigint,
    cached_input_nano_per_million bigint, cache_write_input_nano_per_million bigint, image_nano bigint, audio_second_nano bigint,
    call_nano bigint, batch_discount_ppm bigint, priced boolean, cost_nano bigint, batch_id text, latency_ms int,
    created_at timestamptz, prepaid_by text)
),
fresh AS (
  INSERT INTO billing.usage_records (${USAGE_COLUMNS})
  SELECT ${USAGE_COLUMNS} FROM ev ORDER BY ord
  ON CONFLICT (request_id) DO NOTHING
  RETURNING request_id
),
applied AS (SELECT ev.* FROM ev JOIN fresh USING (request_id)),
${rollupCtes('rolled', `SELECT created_at, user_id, model, channel_type, channel_id, ${RECORD_MEASURES} FROM applied`)},
own_holds AS (
  DELETE FROM billing.holds h USING applied a WHERE a.prepaid_by IS NULL AND h.request_id = a.request_id
  RETURNING h.user_id, h.amount_nano AS freed
),
draws AS (SELECT prepaid_by, sum(cost_nano) AS cost FROM applied WHERE prepaid_by IS NOT NULL GROUP BY prepaid_by),
before_draw AS (SELECT h.request_id, h.amount_nano FROM billing.holds h JOIN draws d ON h.request_id = d.prepaid_by FOR UPDATE OF h),
drawn AS (
  UPDATE billing.holds t SET amount_nano = t.amount_nano - LEAST(b.amount_nano, d.cost)
  FROM before_draw b JOIN draws d ON d.prepaid_by = b.request_id
  WHERE t.request_id = b.request_id
  RETURNING t.user_id, LEAST(b.amount_nano, d.cost) AS freed
),
ledger AS (
  INSERT INTO billing.ledger (user_id, amount_nano, kind, reference)
  SELECT user_id, -cost_nano, 'usage', request_id FROM applied WHERE cost_nano <> 0 ORDER BY ord
),
per_user AS (
  SELECT user_id, sum(cost) AS cost, sum(freed) AS freed FROM (
    SELECT user_id, cost_nano AS cost, 0::bigint AS freed FROM applied
    UNION ALL SELECT user_id, 0, freed FROM own_holds
    UNION ALL SELECT user_id, 0, freed FROM drawn
  ) moves GROUP BY user_id
),
debited AS (
  UPDATE billing.users u SET ${moveNetPosition('-p.cost', 'u')}, held_nano = u.held_nano - p.freed
  FROM per_user p WHERE u.id = p.user_id AND (p.cost <> 0 OR p.freed <> 0)
  RETURNING u.id, u.debt_nano
)
SELECT request_id, (SELECT coalesce(array_agg(id), '{}') FROM debited WHERE debt_nano > 0) AS indebted FROM fresh`;
