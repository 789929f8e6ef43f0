import { ServiceDefinition } from '@switchyard/nats';
import { BillingConfig } from './billing.config';
import { openBillingDatabase } from './billing.database';
import { BillingModule } from './billing.module';
import { ensureBootstrapAdmin } from './keys.service';

/** Said at every start while the configured admin key is revoked; names the situation, never the key. */
export const REVOKED_ADMIN_KEY_MESSAGE =
  'SWITCHYARD_ADMIN_KEY is a revoked key: it stays revoked and authenticates nothing. Use another admin key, or configure a new SWITCHYARD_ADMIN_KEY.';

/** The billing service: how it boots, for its process and for in-process tests. */
export const billingService: ServiceDefinition<BillingConfig> = {
  name: 'billing',
  configClass: BillingConfig,
  openDatabase: openBillingDatabase,
  // the admin key works before billing answers its first request
  prepare: async (config, dataSource, logger) => {
    if (!config.SWITCHYARD_ADMIN_KEY) return;
    if ((await ensureBootstrapAdmin(dataSource, config.SWITCHYARD_ADMIN_KEY)) === 'revoked') logger.error(REVOKED_ADMIN_KEY_MESSAGE);
  },
  module: (deps) => BillingModule.create(deps),
};
