import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import {
  BindFileRequest,
  ChannelRef,
  ChannelScope,
  CreateChannelRequest,
  createValidated,
  ExecuteRawReply,
  ExecuteReply,
  ExecuteRequest,
  ModelListRequest,
  RoutingPolicyScope,
  PollTaskRequest,
  SetRoutingPolicyRequest,
  StoredResponseRequest,
  StreamEvent,
  Subjects,
  SubmitTaskRequest,
  UnbindFileRequest,
  UpdateChannelRequest,
} from '@switchyard/contracts';
import { checkHealth } from '@switchyard/nats';
import { BatchLane } from './execution/batch-lane';
import { ChannelsService } from './channels/channels.service';
import { FileBindings } from './inputs/file-bindings';
import { GenerationTasks } from './execution/generation-tasks';
import { StoredResponses } from './execution/stored-responses';
import { ModelsService } from './routing/models.service';
import { RequestExecutor } from './execution/request-executor';
import { RoutingPolicies } from './routing/routing-policies';

/** NATS edge of the router: validate, delegate. */
@Controller()
export class RouterHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly executor: RequestExecutor,
    private readonly channels: ChannelsService,
    private readonly models: ModelsService,
    private readonly policies: RoutingPolicies,
    private readonly batchLane: BatchLane,
    private readonly tasks: GenerationTasks,
    private readonly storedResponses: StoredResponses,
    private readonly fileBindings: FileBindings,
  ) {}

  @MessagePattern(Subjects.routerHealthCheck)
  health() {
    return checkHealth('router', { database: () => this.ds.query('SELECT 1') });
  }

  @MessagePattern(Subjects.routerRequestExecute)
  execute(@Payload() payload: unknown): Promise<ExecuteReply | ExecuteRawReply> | Observable<StreamEvent> {
    const req = createValidated(ExecuteRequest, payload);
    if (req.batchId) return this.batchLane.run(() => this.executor.execute(req));
    this.batchLane.noteInteractive();
    if (req.endpoint === '/v1/audio/speech') return this.executor.binary(req);
    return req.stream ? this.executor.stream(req) : this.executor.execute(req, true);
  }

  @MessagePattern(Subjects.routerTokensCount)
  countTokens(@Payload() payload: unknown) {
    return this.executor.countTokens(createValidated(ExecuteRequest, payload));
  }

  @MessagePattern(Subjects.routerFileBind)
  bindFile(@Payload() payload: unknown) {
    const req = createValidated(BindFileRequest, payload);
    return this.fileBindings.bind(req, this.policies.policyOf(req.principal.userId));
  }

  @MessagePattern(Subjects.routerFileUnbind)
  unbindFile(@Payload() payload: unknown) {
    return this.fileBindings.unbind(createValidated(UnbindFileRequest, payload));
  }

  @MessagePattern(Subjects.routerTaskSubmit)
  submitTask(@Payload() payload: unknown) {
    return this.tasks.submit(createValidated(SubmitTaskRequest, payload));
  }

  @MessagePattern(Subjects.routerTaskPoll)
  pollTask(@Payload() payload: unknown) {
    return this.tasks.poll(createValidated(PollTaskRequest, payload));
  }

  @MessagePattern(Subjects.routerResponseFetch)
  fetchResponse(@Payload() payload: unknown) {
    return this.storedResponses.fetch(createValidated(StoredResponseRequest, payload));
  }

  @MessagePattern(Subjects.routerModelList)
  listModels(@Payload() payload: unknown) {
    return this.models.list(createValidated(ModelListRequest, payload).principal);
  }

  @MessagePattern(Subjects.routerChannelCreate)
  createChannel(@Payload() payload: unknown) {
    const req = createValidated(CreateChannelRequest, payload);
    return this.channels.create(req, req.body);
  }

  @MessagePattern(Subjects.routerChannelList)
  listChannels(@Payload() payload: unknown) {
    return this.channels.list(createValidated(ChannelScope, payload));
  }

  @MessagePattern(Subjects.routerChannelGet)
  getChannel(@Payload() payload: unknown) {
    return this.channels.get(createValidated(ChannelRef, payload));
  }

  @MessagePattern(Subjects.routerChannelUpdate)
  updateChannel(@Payload() payload: unknown) {
    const req = createValidated(UpdateChannelRequest, payload);
    return this.channels.update(req, req.body);
  }

  @MessagePattern(Subjects.routerChannelDelete)
  deleteChannel(@Payload() payload: unknown) {
    return this.channels.remove(createValidated(ChannelRef, payload));
  }

  @MessagePattern(Subjects.routerChannelTest)
  testChannel(@Payload() payload: unknown) {
    return this.channels.test(createValidated(ChannelRef, payload));
  }

  @MessagePattern(Subjects.routerChannelHealthGet)
  channelHealth(@Payload() payload: unknown) {
    return this.channels.healthOf(createValidated(ChannelRef, payload));
  }

  @MessagePattern(Subjects.routerPolicyGet)
  getPolicy(@Payload() payload: unknown) {
    return this.policies.view(createValidated(RoutingPolicyScope, payload).principal);
  }

  @MessagePattern(Subjects.routerPolicySet)
  setPolicy(@Payload() payload: unknown) {
    const req = createValidated(SetRoutingPolicyRequest, payload);
    return this.policies.set(req.principal, req.body.policy);
  }
}
