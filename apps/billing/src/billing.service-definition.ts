import { ServiceDefinition } from '@switchyard/nats';
import { BillingConfig } from './billing.config';
import { openBillingDatabase } from './billing.database';
import { BillingModule } from './billing.module';
import { ensureBootstrapAdmin } from './keys.service';

/** The billing service: how it boots, for its process and for in-process tests. */
export const billingService: ServiceDefinition<BillingConfig> = {
  name: 'billing',
  configClass: BillingConfig,
  openDatabase: openBillingDatabase,
  // the admin key works before billing answers its first request
  prepare: async (config, dataSource) => {
    if (config.SWITCHYARD_ADMIN_KEY) await ensureBootstrapAdmin(dataSource, config.SWITCHYARD_ADMIN_KEY);
  },
  module: (deps) => BillingModule.create(deps),
};
