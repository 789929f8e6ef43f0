import { DynamicModule, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD } from '@nestjs/core';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER, NATS_CONNECTION, RpcClient, ServiceTransport } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { AdminChannelsController } from './admin/admin-channels.controller';
import { AdminPricesController } from './admin/admin-prices.controller';
import { AdminRateLimitsController } from './admin/admin-rate-limits.controller';
import { AdminUsageController } from './admin/admin-usage.controller';
import { AdminAuditLogController } from './admin/admin-audit-log.controller';
import { AuditTrail } from './admin/audit-trail';
import { AdminUsersController } from './admin/admin-users.controller';
import { AccountSignIn } from './accounts/account-sign-in';
import { AdminAccountsController } from './accounts/admin-accounts.controller';
import { InvitesController } from './accounts/invites.controller';
import { PasswordController } from './accounts/password.controller';
import { OidcController } from './accounts/oidc/oidc.controller';
import { OidcSignIn } from './accounts/oidc/oidc-sign-in';
import { AccountController } from './account/account.controller';
import { AuthGuard } from './auth/auth.guard';
import { AuthService } from './auth/auth.service';
import { RateLimiter } from './auth/rate-limiter';
import { SignInController } from './auth/sign-in.controller';
import { PrivateChannelsController } from './channels/private-channels.controller';
import { ConsoleController } from './console/console.controller';
import { ConsoleFiles } from './console/console-files';
import { DocsPageController } from './docs/docs-page.controller';
import { RoutingPolicyController } from './channels/routing-policy.controller';
import { FilesController } from './files/files.controller';
import { GatewayFilesService } from './files/files.service';
import { GatewayConfig } from './gateway.config';
import { AllExceptionsFilter } from './http/all-exceptions.filter';
import { HealthController } from './http/health.controller';
import { ReadyController } from './http/ready.controller';
import { MetricsController } from './http/metrics.controller';
import { OpenApiController } from './docs/openapi.controller';
import { BatchesController } from './batches/batches.controller';
import { InferenceController } from './inference/inference.controller';
import { AudioController } from './inference/audio.controller';
import { GenerationTasksController } from './tasks/generation-tasks.controller';
import { InferenceService } from './inference/inference.service';
import { InterruptedStreamBilling } from './inference/interrupted-stream-usage';
import { ModelsController } from './models/models.controller';
import { RawInferenceRoutes } from './inference/raw-inference-routes';
import { UsageController } from './usage/usage.controller';

@Module({})
export class GatewayModule {
  static create(deps: { config: GatewayConfig; transport: ServiceTransport; logger: JsonLogger; storage: ObjectStorage }): DynamicModule {
    return {
      module: GatewayModule,
      controllers: [
        HealthController,
        ReadyController,
        MetricsController,
        OpenApiController,
        DocsPageController,
        ConsoleController,
        InferenceController,
        AudioController,
        GenerationTasksController,
        ModelsController,
        UsageController,
        FilesController,
        BatchesController,
        PrivateChannelsController,
        RoutingPolicyController,
        AdminUsersController,
        AdminChannelsController,
        AdminPricesController,
        AdminRateLimitsController,
        AdminUsageController,
        AdminAuditLogController,
        AdminAccountsController,
        InvitesController,
        PasswordController,
        OidcController,
        SignInController,
        AccountController,
      ],
      providers: [
        { provide: GatewayConfig, useValue: deps.config },
        { provide: NATS_CONNECTION, useValue: deps.transport.nc },
        { provide: LOGGER, useValue: deps.logger },
        { provide: RpcClient, useValue: new RpcClient(deps.transport.rpcTransport, deps.config.SWITCHYARD_RPC_TIMEOUT_MS) },
        { provide: APP_GUARD, useClass: AuthGuard },
        { provide: APP_FILTER, useValue: new AllExceptionsFilter(deps.logger) },
        { provide: ObjectStorage, useValue: deps.storage },
        AuthService,
        RateLimiter,
        InferenceService,
        InterruptedStreamBilling,
        GatewayFilesService,
        RawInferenceRoutes,
        AuditTrail,
        AccountSignIn,
        OidcSignIn,
        { provide: ConsoleFiles, useValue: new ConsoleFiles() },
      ],
    };
  }
}
