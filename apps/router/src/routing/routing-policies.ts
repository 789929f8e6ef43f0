import { Inject, Injectable, OnApplicationBootstrap, OnApplicationShutdown } from '@nestjs/common';
import { NatsConnection, Subscription } from 'nats';
import { DataSource } from 'typeorm';
import {
  DEFAULT_ROUTING_POLICY,
  Events,
  isRoutingPolicy,
  Principal,
  RoutingPolicy,
  RoutingPolicyChanged,
  RoutingPolicyView,
} from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { broadcastBeforeAnswering, LOGGER, NATS_CONNECTION, onBroadcast } from '@switchyard/nats';
import { RoutingPolicyEntity } from '../entities/routing-policy.entity';

/**
 * Each user's routing policy, held in memory (only users who changed it have a row). A change is
 * broadcast with the new policy and applied by every replica as the message arrives: the broadcast
 * is at the server before the caller hears the change is made, so the caller's next request (which
 * reaches any replica through the same server, after it) sees it.
 */
@Injectable()
export class RoutingPolicies implements OnApplicationBootstrap, OnApplicationShutdown {
  private policies = new Map<string, RoutingPolicy>();
  private subscription: Subscription | null = null;

  constructor(
    private readonly ds: DataSource,
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.reload();
    this.subscription = onBroadcast(this.nc, Events.routerPolicyChanged, (change) => {
      if (typeof change?.userId === 'string' && isRoutingPolicy(change.policy)) this.policies.set(change.userId, change.policy);
      else this.reload().catch((e) => this.logger.error('routing policy reload failed', e));
    });
  }

  onApplicationShutdown(): void {
    this.subscription?.unsubscribe();
  }

  private async reload(): Promise<void> {
    const rows = await this.ds.getRepository(RoutingPolicyEntity).find();
    this.policies = new Map(rows.map((r) => [r.userId, r.policy]));
  }

  policyOf(userId: string): RoutingPolicy {
    return this.policies.get(userId) ?? DEFAULT_ROUTING_POLICY;
  }

  view(principal: Principal): RoutingPolicyView {
    return { object: 'routing_policy', policy: this.policyOf(principal.userId) };
  }

  async set(principal: Principal, policy: RoutingPolicy): Promise<RoutingPolicyView> {
    await this.ds.getRepository(RoutingPolicyEntity).upsert({ userId: principal.userId, policy, updatedAt: new Date() }, ['userId']);
    this.policies.set(principal.userId, policy);
    const change: RoutingPolicyChanged = { userId: principal.userId, policy };
    await broadcastBeforeAnswering(this.nc, Events.routerPolicyChanged, change);
    return this.view(principal);
  }
}
