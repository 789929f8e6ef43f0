import { Injectable } from '@nestjs/common';
import { ModelView, Principal } from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { channelTypesFor, orderCandidates, visibleTo } from './channel-selector';
import { ChannelTable } from './channel-table';
import { RoutingPolicies } from './routing-policies';

/** The models a caller can reach: what the enabled channels visible to them, and allowed by their policy, serve. */
@Injectable()
export class ModelsService {
  constructor(private readonly table: ChannelTable, private readonly policies: RoutingPolicies) {}

  list(principal: Principal): ModelView[] {
    const policy = this.policies.policyOf(principal.userId);
    const types = channelTypesFor(policy);
    const reachable = this.table.all().filter((c) => c.status === 'enabled' && types.includes(c.type) && visibleTo(c, principal.userId));
    const visible = orderCandidates(reachable, policy, () => 0);
    const models = new Map<string, ModelView>();
    for (const channel of visible) {
      for (const id of [...channel.models, ...Object.keys(channel.modelMapping)]) {
        if (!models.has(id)) models.set(id, { id, object: 'model', created: unixSeconds(new Date(0)), owned_by: channel.provider });
      }
    }
    return [...models.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
