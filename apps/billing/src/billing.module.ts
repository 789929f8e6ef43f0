import { DynamicModule, Module } from '@nestjs/common';
import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION } from '@switchyard/nats';
import { BillingConfig } from './billing.config';
import { BillingHandler } from './billing.handler';
import { KeysService } from './keys.service';
import { PricesService } from './prices.service';
import { UsageConsumer } from './usage.consumer';
import { UsageService } from './usage.service';
import { UsersService } from './users.service';

@Module({})
export class BillingModule {
  static create(deps: { config: BillingConfig; dataSource: DataSource; nc: NatsConnection; logger: JsonLogger }): DynamicModule {
    return {
      module: BillingModule,
      controllers: [BillingHandler],
      providers: [
        { provide: BillingConfig, useValue: deps.config },
        { provide: DataSource, useValue: deps.dataSource },
        { provide: NATS_CONNECTION, useValue: deps.nc },
        { provide: LOGGER, useValue: deps.logger },
        UsersService, KeysService, PricesService, UsageService, UsageConsumer,
      ],
    };
  }
}
