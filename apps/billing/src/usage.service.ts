import { Injectable } from '@nestjs/common';
import { DataSource, EntityManager } from 'typeorm';
import { UsageEvent } from '@switchyard/contracts';
import { UsageRecordEntity } from './entities/usage-record.entity';
import { chargeFor, chargePolicyOf, PriceNano } from '@switchyard/contracts';
import { BillingConfig } from './billing.config';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { drawFromReservation, takeHolds } from './holds.service';
import { PricesService } from './prices.service';

const MAX_GROUP = 200;

interface Pending {
  event: UsageEvent;
  resolve: (result: 'applied' | 'duplicate') => void;
  reject: (error: unknown) => void;
}

/**
 * Prices requests and debits them, exactly once per request id: a redelivered event finds its
 * usage record already there and changes nothing. Events that arrive together are applied in one
 * transaction (one commit instead of one per request); if that fails, each is applied on its own,
 * so one bad event cannot hold the others back.
 */
@Injectable()
export class UsageService {
  private queue: Pending[] = [];
  private flushing = false;

  constructor(private readonly ds: DataSource, private readonly prices: PricesService, private readonly config: BillingConfig) {}

  apply(event: UsageEvent): Promise<'applied' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.queue.push({ event, resolve, reject });
      if (!this.flushing) {
        this.flushing = true;
        setImmediate(() => void this.flush());
      }
    });
  }

  private async flush(): Promise<void> {
    try {
      while (this.queue.length > 0) {
        const group = this.queue.splice(0, MAX_GROUP);
        const prices = new Map<string, PriceNano | null>();
        for (const { event } of group) if (!prices.has(event.model)) prices.set(event.model, await this.prices.find(event.model));
        try {
          const results = await this.ds.transaction((em) => this.applyGroup(em, group.map((p) => p.event), prices));
          group.forEach((p, i) => p.resolve(results[i]));
        } catch {
          for (const p of group) {
            await this.ds.transaction((em) => this.applyGroup(em, [p.event], prices)).then(([result]) => p.resolve(result), p.reject);
          }
        }
      }
    } finally {
      this.flushing = false;
    }
  }

  /**
   * Applies a group of events in the caller's transaction. Each user's row is touched once, last
   * (balance and held total in one UPDATE), so a hold for that user waits for one short lock, not
   * for the whole group; holds are locked before users, the order every other path uses.
   */
  private async applyGroup(em: EntityManager, events: UsageEvent[], prices: Map<string, PriceNano | null>): Promise<('applied' | 'duplicate')[]> {
    const policy = chargePolicyOf(this.config);
    const results: ('applied' | 'duplicate')[] = [];
    const applied: { event: UsageEvent; costNano: bigint }[] = [];
    for (const event of events) {
      const price = prices.get(event.model) ?? null;
      const costNano = chargeFor(event, price, policy);
      const inserted = (await em.createQueryBuilder().insert().into(UsageRecordEntity).values({
        requestId: event.requestId, userId: event.userId, keyId: event.keyId, model: event.model, endpoint: event.endpoint,
        channelId: event.channelId, channelType: event.channelType, promptTokens: event.promptTokens,
        completionTokens: event.completionTokens, cachedTokens: event.cachedTokens ?? 0, estimated: event.estimated, cached: event.cached ?? false,
        cacheWriteTokens: event.cacheWriteTokens ?? 0, reasoningTokens: event.reasoningTokens ?? 0, images: event.images ?? 0, audioSeconds: event.audioSeconds ?? 0,
        inputNanoPerMillion: price?.inputPerMillion ?? 0n, outputNanoPerMillion: price?.outputPerMillion ?? 0n,
        cachedInputNanoPerMillion: price?.cachedInputPerMillion ?? null,
        cacheWriteInputNanoPerMillion: price?.cacheWriteInputPerMillion ?? null, imageNano: price?.imageNano ?? null, audioSecondNano: price?.audioSecondNano ?? null, callNano: price?.callNano ?? null,
        batchDiscountPpm: price?.batchDiscountPpm ?? 0n, priced: price !== null, costNano,
        batchId: event.batchId ?? null, latencyMs: event.latencyMs, createdAt: new Date(event.createdAt),
      }).orIgnore().returning(['requestId']).execute()) as { raw: unknown[] };
      const fresh = inserted.raw.length > 0;
      results.push(fresh ? 'applied' : 'duplicate');
      if (fresh) applied.push({ event, costNano });
    }
    if (applied.length === 0) return results;

    // the actual costs replace what was set aside: a request's own hold goes, a batch's reservation shrinks
    const perUser = new Map<string, { cost: bigint; freed: bigint }>();
    const entry = (userId: string) => perUser.get(userId) ?? perUser.set(userId, { cost: 0n, freed: 0n }).get(userId)!;
    for (const freed of await takeHolds(em, applied.filter((a) => !a.event.prepaidBy).map((a) => a.event.requestId))) entry(freed.userId).freed += freed.amountNano;
    const drawn = new Map<string, bigint>();
    for (const a of applied) if (a.event.prepaidBy) drawn.set(a.event.prepaidBy, (drawn.get(a.event.prepaidBy) ?? 0n) + a.costNano);
    for (const [reservation, cost] of drawn) {
      const taken = await drawFromReservation(em, reservation, cost);
      if (taken) entry(taken.userId).freed += taken.amountNano;
    }
    const charged = applied.filter((a) => a.costNano !== 0n);
    for (const a of charged) entry(a.event.userId).cost += a.costNano;
    if (charged.length > 0) {
      await em.insert(LedgerEntryEntity, charged.map((a) => ({ userId: a.event.userId, amountNano: -a.costNano, kind: 'usage' as const, reference: a.event.requestId })));
    }
    for (const [userId, { cost, freed }] of [...perUser].sort(([a], [b]) => a.localeCompare(b))) {
      await em.query('UPDATE billing.users SET balance_nano = balance_nano - $2, held_nano = held_nano - $3 WHERE id = $1', [userId, cost.toString(), freed.toString()]);
    }
    return results;
  }
}
