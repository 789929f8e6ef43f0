import { DynamicModule, Module } from '@nestjs/common';
import { coreProviders, RpcClient, ServiceDeps } from '@switchyard/nats';
import { ObjectStorage, storageSettingsFrom } from '@switchyard/object-storage';
import { BatchLane } from './batch-lane';
import { ChannelCapacity } from './channel-capacity';
import { ChannelHealth } from './channel-health';
import { ChannelTable } from './channel-table';
import { ChannelsService } from './channels.service';
import { FileBindings } from './file-bindings';
import { GenerationTasks } from './generation-tasks';
import { StoredResponses } from './stored-responses';
import { AudioInputs } from './audio-inputs';
import { ImageInputs } from './image-inputs';
import { ModelsService } from './models.service';
import { OwnedReferences } from './owned-references';
import { PriceBook } from './price-book';
import { RequestExecutor } from './request-executor';
import { ResponseCache } from './response-cache';
import { RouterConfig } from './router.config';
import { RouterHandler } from './router.handler';
import { RoutingPolicies } from './routing-policies';
import { SecretBox } from './secret-box';
import { Spend } from './spend';
import { UsagePublisher } from './usage-publisher';

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
        ChannelTable, ChannelHealth, ChannelCapacity, ChannelsService, ModelsService, RequestExecutor, ResponseCache,
        RoutingPolicies, UsagePublisher, PriceBook, Spend, BatchLane, FileBindings, ImageInputs, AudioInputs, GenerationTasks, StoredResponses,
        OwnedReferences,
      ],
    };
  }
}
