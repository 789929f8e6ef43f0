import { DataSource } from 'typeorm';
import { openServiceDatabase } from '@switchyard/database';
import { ApiKeyEntity } from './entities/api-key.entity';
import { AuditEntryEntity } from './entities/audit-entry.entity';
import { LedgerEntryEntity } from './entities/ledger-entry.entity';
import { PriceEntity } from './entities/price.entity';
import { UsageRecordEntity } from './entities/usage-record.entity';
import { UserEntity } from './entities/user.entity';
import { BillingInitial1763800000000 } from './migrations/1763800000000-billing-initial';
import { BillingCachedUsage1764000000000 } from './migrations/1764000000000-billing-cached-usage';
import { BillingLimitsHolds1764100000000 } from './migrations/1764100000000-billing-limits-holds';
import { BillingPriceKinds1764200000000 } from './migrations/1764200000000-billing-price-kinds';
import { BillingHeldTotal1764300000000 } from './migrations/1764300000000-billing-held-total';
import { BillingUsageBuckets1764400000000 } from './migrations/1764400000000-billing-usage-buckets';
import { BillingDebt1764500000000 } from './migrations/1764500000000-billing-debt';
import { BillingAuditLog1764600000000 } from './migrations/1764600000000-billing-audit-log';
import { BillingUsageRollups1764700000000 } from './migrations/1764700000000-billing-usage-rollups';
import { BillingLocalAccounts1764900000000 } from './migrations/1764900000000-billing-local-accounts';
import { BillingSessions1764850000000 } from './migrations/1764850000000-billing-sessions';
import { BillingSignInThrottle1764860000000 } from './migrations/1764860000000-billing-sign-in-throttle';
import { BillingUsageFilterIndexes1764950000000 } from './migrations/1764950000000-billing-usage-filter-indexes';

export function openBillingDatabase(url: string, poolSize: number): Promise<DataSource> {
  return openServiceDatabase({
    url,
    schema: 'billing',
    poolSize,
    entities: [UserEntity, ApiKeyEntity, PriceEntity, LedgerEntryEntity, UsageRecordEntity, AuditEntryEntity],
    migrations: [
      BillingInitial1763800000000,
      BillingCachedUsage1764000000000,
      BillingLimitsHolds1764100000000,
      BillingPriceKinds1764200000000,
      BillingHeldTotal1764300000000,
      BillingUsageBuckets1764400000000,
      BillingDebt1764500000000,
      BillingAuditLog1764600000000,
      BillingUsageRollups1764700000000,
      BillingLocalAccounts1764900000000,
      BillingSessions1764850000000,
      BillingSignInThrottle1764860000000,
      BillingUsageFilterIndexes1764950000000,
    ],
  });
}
