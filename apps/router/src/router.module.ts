import { DynamicModule, Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION } from '@switchyard/nats';
import { ChannelTable } from './channel-table';
import { ChannelsService } from './channels.service';
import { ModelsService } from './models.service';
import { RequestExecutor } from './request-executor';
import { RouterConfig } from './router.config';
import { RouterHandler } from './router.handler';
import { SecretBox } from './secret-box';
import { UsagePublisher } from './usage-publisher';

@Module({})
export class RouterModule {
  static create(deps: { config: RouterConfig; dataSource: DataSource; nc: NatsConnection; logger: JsonLogger }): DynamicModule {
    return {
      module: RouterModule,
      controllers: [RouterHandler],
      providers: [
        { provide: RouterConfig, useValue: deps.config },
        { provide: DataSource, useValue: deps.dataSource },
        { provide: NATS_CONNECTION, useValue: deps.nc },
        { provide: LOGGER, useValue: deps.logger },
        { provide: SecretBox, useValue: new SecretBox(deps.config.SWITCHYARD_SECRET_KEY) },
        ChannelTable, ChannelsService, ModelsService, RequestExecutor, UsagePublisher,
      ],
    };
  }
}
