import { DynamicModule, Module } from '@nestjs/common';
import { coreProviders, RpcClient, ServiceDeps } from '@switchyard/nats';
import { ObjectStorage, storageSettingsFrom } from '@switchyard/object-storage';
import { BatchLane } from './execution/batch-lane';
import { ChannelCapacity } from './channels/channel-capacity';
import { ChannelHealth } from './channels/channel-health';
import { ChannelTable } from './channels/channel-table';
import { ChannelsService } from './channels/channels.service';
import { FileBindings } from './inputs/file-bindings';
import { GenerationTasks } from './execution/generation-tasks';
import { StoredResponses } from './execution/stored-responses';
import { AudioInputs } from './inputs/audio-inputs';
import { ImageInputs } from './inputs/image-inputs';
import { ModelsService } from './routing/models.service';
import { OwnedReferences } from './inputs/owned-references';
import { PriceBook } from './money/price-book';
import { RequestExecutor } from './execution/request-executor';
import { ResponseCache } from './execution/response-cache';
import { RouterConfig } from './router.config';
import { RouterHandler } from './router.handler';
import { RoutingPolicies } from './routing/routing-policies';
import { SecretBox } from './channels/secret-box';
import { Spend } from './money/spend';
import { UsagePublisher } from './money/usage-publisher';

@Module({})
export class RouterModule {
  static create(deps: ServiceDeps<RouterConfig>): DynamicModule {
    return {
      module: RouterModule,
      controllers: [RouterHandler],
      providers: [
        ...coreProviders(RouterConfig, deps),
        { provide: SecretBox, useValue: new SecretBox(deps.config.SWITCHYARD_SECRET_KEY) },
        { provide: RpcClient, useValue: new RpcClient(deps.rpcTransport, deps.config.SWITCHYARD_RPC_TIMEOUT_MS) },
        { provide: ObjectStorage, useValue: new ObjectStorage(storageSettingsFrom(deps.config)) },
        ChannelTable,
        ChannelHealth,
        ChannelCapacity,
        ChannelsService,
        ModelsService,
        RequestExecutor,
        ResponseCache,
        RoutingPolicies,
        UsagePublisher,
        PriceBook,
        Spend,
        BatchLane,
        FileBindings,
        ImageInputs,
        AudioInputs,
        GenerationTasks,
        StoredResponses,
        OwnedReferences,
      ],
    };
  }
}
