import { DynamicModule, Module } from '@nestjs/common';
import { coreProviders, ServiceDeps } from '@switchyard/nats';
import { AuditLogService } from './audit-log.service';
import { BillingConfig } from './billing.config';
import { BillingHandler } from './billing.handler';
import { HoldsService } from './holds.service';
import { KeysService } from './keys.service';
import { LocalAccountsService } from './local-accounts.service';
import { PricesService } from './prices.service';
import { RefundsService } from './refunds.service';
import { RateLimitsService } from './rate-limits.service';
import { UsageConsumer } from './usage.consumer';
import { UsageReportsService } from './usage-reports.service';
import { UsageSummaryService } from './usage-summary.service';
import { UsageService } from './usage.service';
import { UsersService } from './users.service';
import { SessionsHandler } from './sessions.handler';
import { SessionsService } from './sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';

@Module({})
export class BillingModule {
  static create(deps: ServiceDeps<BillingConfig>): DynamicModule {
    return {
      module: BillingModule,
      controllers: [BillingHandler, SessionsHandler],
      providers: [
        ...coreProviders(BillingConfig, deps),
        UsersService,
        KeysService,
        PricesService,
        UsageService,
        UsageReportsService,
        UsageSummaryService,
        UsageConsumer,
        RateLimitsService,
        HoldsService,
        RefundsService,
        AuditLogService,
        LocalAccountsService,
        SessionsService,
        SignInThrottleService,
      ],
    };
  }
}
