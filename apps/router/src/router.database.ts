import { DataSource } from 'typeorm';
import { openServiceDatabase } from '@switchyard/database';
import { ChannelEntity } from './entities/channel.entity';
import { RoutingPolicyEntity } from './entities/routing-policy.entity';
import { RouterInitial1763800000000 } from './migrations/1763800000000-router-initial';
import { RouterByokHealth1764000000000 } from './migrations/1764000000000-router-byok-health';
import { RouterFormatsFileBindings1764400000000 } from './migrations/1764400000000-router-formats-file-bindings';
import { RouterStoredResponsesPerOwner1764500000000 } from './migrations/1764500000000-router-stored-responses-per-owner';

export function openRouterDatabase(url: string, poolSize: number): Promise<DataSource> {
  return openServiceDatabase({
    url,
    schema: 'router',
    poolSize,
    entities: [ChannelEntity, RoutingPolicyEntity],
    migrations: [
      RouterInitial1763800000000,
      RouterByokHealth1764000000000,
      RouterFormatsFileBindings1764400000000,
      RouterStoredResponsesPerOwner1764500000000,
    ],
  });
}
