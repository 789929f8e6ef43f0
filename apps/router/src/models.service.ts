import { Injectable } from '@nestjs/common';
import { ModelView, Principal } from '@switchyard/contracts';
import { unixSeconds } from '@switchyard/database';
import { orderCandidates, visibleTo } from './channel-selector';
import { ChannelTable } from './channel-table';

/** The models a caller can reach: what the enabled channels visible to them serve. */
@Injectable()
export class ModelsService {
  constructor(private readonly table: ChannelTable) {}

  list(principal: Principal): ModelView[] {
    const visible = orderCandidates(this.table.all().filter((c) => c.status === 'enabled' && visibleTo(c, principal.userId)), () => 0);
    const models = new Map<string, ModelView>();
    for (const channel of visible) {
      for (const id of [...channel.models, ...Object.keys(channel.modelMapping)]) {
        if (!models.has(id)) models.set(id, { id, object: 'model', created: unixSeconds(new Date(0)), owned_by: channel.provider });
      }
    }
    return [...models.values()].sort((a, b) => a.id.localeCompare(b.id));
  }
}
