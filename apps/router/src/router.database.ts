import { DataSource } from 'typeorm';
import { openServiceDatabase } from '@switchyard/database';
import { ChannelEntity } from './entities/channel.entity';
import { RouterInitial1763800000000 } from './migrations/1763800000000-router-initial';

export function openRouterDatabase(url: string, poolSize: number): Promise<DataSource> {
  return openServiceDatabase({ url, schema: 'router', poolSize, entities: [ChannelEntity], migrations: [RouterInitial1763800000000] });
}
