import { Column, Entity, PrimaryColumn, UpdateDateColumn } from 'typeorm';
import type { RoutingPolicy } from '@switchyard/contracts';

/** A user's choice between their own PRIVATE channels and the PLATFORM pool; absent = the default. */
@Entity({ name: 'routing_policies' })
export class RoutingPolicyEntity {
  @PrimaryColumn({ name: 'user_id', type: 'text' }) userId!: string;
  @Column({ type: 'text' }) policy!: RoutingPolicy;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt!: Date;
}
