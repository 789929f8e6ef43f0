import { Subjects } from './subjects';
import type {
  AddCreditRequest,
  CreateHoldRequest,
  CreateKeyRequest,
  CreateUserRequest,
  ClearUserRateLimitRequest,
  RevokeKeyRequest,
  CreatedKeyView,
  HoldView,
  KeyView,
  PriceBookRequest,
  PriceBookView,
  PriceView,
  PriceWire,
  ReleaseHoldRequest,
  ReserveRequest,
  RoleRateLimitView,
  SetPriceRequest,
  SetRoleRateLimitRequest,
  SetUserRateLimitRequest,
  UserRef,
  UserView,
  VerifyKeyRequest,
} from './payloads/accounts';
import type {
  ChannelRef,
  ChannelScope,
  ChannelHealthView,
  ChannelTestView,
  ChannelView,
  CreateChannelRequest,
  DeletedView,
  UpdateChannelRequest,
} from './payloads/channels';
import type { RoutingPolicyScope, RoutingPolicyView, SetRoutingPolicyRequest } from './payloads/routing';
import type {
  FileLocation,
  FileRef,
  FileRemoved,
  ListFilesRequest,
  LocateFileRequest,
  RegisterFileRequest,
  StoredFile,
  StoredFilePage,
} from './payloads/files';
import type { BatchListReply, BatchRef, BatchView, CreateBatchRequest, ListBatchesRequest } from './payloads/batches';
import type { HealthReply } from './payloads/health';
import type {
  CreateTaskRequest,
  PolledTask,
  PollTaskRequest,
  RefundReply,
  RefundRequest,
  SubmitTaskRequest,
  SubmittedTask,
  TaskRef,
  TaskView,
} from './payloads/tasks';
import type {
  BindFileRequest,
  StoredResponseRequest,
  UnbindFileRequest,
  CountTokensReply,
  ExecuteReply,
  ExecuteRequest,
  FileBindingView,
  ModelListRequest,
  ModelView,
  StreamEvent,
} from './payloads/inference';
import type { AuditEntryView, AuditListReply, AuditListRequest, AuditRecordRequest } from './payloads/audit';
import type { Principal } from './payloads/principal';
import type {
  AcceptInviteRequest,
  AccountIdentity,
  ChangePasswordRequest,
  CreatedInvite,
  CreateInviteRequest,
  InvitePeekView,
  InviteRef,
  OidcSignInRequest,
  UpdateUserRequest,
  UserListReply,
  UserSearchRequest,
  VerifyPasswordRequest,
} from './payloads/local-accounts';
import type {
  CreatedSession,
  CreateSessionRequest,
  RevokeAllSessionsRequest,
  SessionListRequest,
  SessionListView,
  SessionRef,
  SessionsRevokedReply,
  SignInAttempt,
  SignInFailedRequest,
  SignInSucceededRequest,
  SignInThrottleReply,
  VerifiedSession,
  VerifySessionRequest,
} from './payloads/sessions';
import type {
  LedgerListReply,
  LedgerListRequest,
  TopSpendersReply,
  TopSpendersRequest,
  UsageDailyReply,
  UsageExportPage,
  UsageExportRequest,
  UsageFilter,
  UsageListReply,
  UsageListRequest,
  UsageSummaryReply,
  UsageSummaryRequest,
} from './payloads/usage';

/** A message with no fields (a health check, an event that only says something changed). */
export type Empty = Record<string, never>;

/** Request and reply type of every request/reply subject. */
export type RpcMap = {
  [Subjects.routerHealthCheck]: [Empty, HealthReply];
  [Subjects.billingHealthCheck]: [Empty, HealthReply];
  [Subjects.filesHealthCheck]: [Empty, HealthReply];
  [Subjects.batchesHealthCheck]: [Empty, HealthReply];

  [Subjects.routerRequestExecute]: [ExecuteRequest, ExecuteReply];
  [Subjects.routerModelList]: [ModelListRequest, ModelView[]];
  [Subjects.routerChannelCreate]: [CreateChannelRequest, ChannelView];
  [Subjects.routerChannelList]: [ChannelScope, ChannelView[]];
  [Subjects.routerChannelGet]: [ChannelRef, ChannelView];
  [Subjects.routerChannelUpdate]: [UpdateChannelRequest, ChannelView];
  [Subjects.routerChannelDelete]: [ChannelRef, DeletedView];
  [Subjects.routerChannelTest]: [ChannelRef, ChannelTestView];
  [Subjects.routerChannelHealthGet]: [ChannelRef, ChannelHealthView];
  [Subjects.routerPolicyGet]: [RoutingPolicyScope, RoutingPolicyView];
  [Subjects.routerPolicySet]: [SetRoutingPolicyRequest, RoutingPolicyView];
  [Subjects.routerTokensCount]: [ExecuteRequest, CountTokensReply];
  [Subjects.routerFileBind]: [BindFileRequest, FileBindingView];
  [Subjects.routerFileUnbind]: [UnbindFileRequest, { unbound: boolean }];
  [Subjects.routerTaskSubmit]: [SubmitTaskRequest, SubmittedTask];
  [Subjects.routerTaskPoll]: [PollTaskRequest, PolledTask];
  [Subjects.routerResponseFetch]: [StoredResponseRequest, Record<string, unknown>];

  [Subjects.filesFileCreate]: [RegisterFileRequest, StoredFile];
  [Subjects.filesFileList]: [ListFilesRequest, StoredFilePage];
  [Subjects.filesFileGet]: [FileRef, StoredFile];
  [Subjects.filesFileLocate]: [LocateFileRequest, FileLocation];
  [Subjects.filesFileDelete]: [FileRef, FileRemoved];

  [Subjects.batchesBatchCreate]: [CreateBatchRequest, BatchView];
  [Subjects.batchesBatchGet]: [BatchRef, BatchView];
  [Subjects.batchesBatchList]: [ListBatchesRequest, BatchListReply];
  [Subjects.batchesBatchCancel]: [BatchRef, BatchView];
  [Subjects.batchesTaskCreate]: [CreateTaskRequest, TaskView];
  [Subjects.batchesTaskGet]: [TaskRef, TaskView];

  [Subjects.billingKeyVerify]: [VerifyKeyRequest, Principal | null];
  [Subjects.billingKeyCreate]: [CreateKeyRequest, CreatedKeyView];
  [Subjects.billingKeyList]: [UserRef, KeyView[]];
  [Subjects.billingKeyRevoke]: [RevokeKeyRequest, KeyView];
  [Subjects.billingUserCreate]: [CreateUserRequest, UserView];
  [Subjects.billingUserList]: [Empty, UserView[]];
  [Subjects.billingUserGet]: [UserRef, UserView];
  [Subjects.billingCreditAdd]: [AddCreditRequest, UserView];
  [Subjects.billingPriceSet]: [SetPriceRequest, PriceView];
  [Subjects.billingPriceList]: [Empty, PriceWire[]];
  [Subjects.billingPriceBook]: [PriceBookRequest, PriceBookView];
  [Subjects.billingRateLimitList]: [Empty, RoleRateLimitView[]];
  [Subjects.billingRateLimitSet]: [SetRoleRateLimitRequest, RoleRateLimitView];
  [Subjects.billingUserRateLimitSet]: [SetUserRateLimitRequest, UserView];
  [Subjects.billingUserRateLimitClear]: [ClearUserRateLimitRequest, UserView];
  [Subjects.billingHoldCreate]: [CreateHoldRequest, HoldView];
  [Subjects.billingHoldRelease]: [ReleaseHoldRequest, { released: boolean }];
  [Subjects.billingHoldReserve]: [ReserveRequest, HoldView];
  [Subjects.billingUsageList]: [UsageListRequest, UsageListReply];
  [Subjects.billingUsageDaily]: [UsageFilter, UsageDailyReply];
  [Subjects.billingUsageSummary]: [UsageSummaryRequest, UsageSummaryReply];
  [Subjects.billingUsageTopSpenders]: [TopSpendersRequest, TopSpendersReply];
  [Subjects.billingUsageExport]: [UsageExportRequest, UsageExportPage];
  [Subjects.billingLedgerList]: [LedgerListRequest, LedgerListReply];
  [Subjects.billingAuditRecord]: [AuditRecordRequest, AuditEntryView];
  [Subjects.billingAuditList]: [AuditListRequest, AuditListReply];
  [Subjects.billingUsageRefund]: [RefundRequest, RefundReply];
  [Subjects.billingUserSearch]: [UserSearchRequest, UserListReply];
  [Subjects.billingUserUpdate]: [UpdateUserRequest, UserView];
  [Subjects.billingInviteCreate]: [CreateInviteRequest, CreatedInvite];
  [Subjects.billingInviteGet]: [InviteRef, InvitePeekView];
  [Subjects.billingInviteAccept]: [AcceptInviteRequest, AccountIdentity];
  [Subjects.billingPasswordVerify]: [VerifyPasswordRequest, AccountIdentity | null];
  [Subjects.billingPasswordChange]: [ChangePasswordRequest, AccountIdentity];
  [Subjects.billingOidcSignIn]: [OidcSignInRequest, AccountIdentity];
  [Subjects.billingSessionCreate]: [CreateSessionRequest, CreatedSession];
  [Subjects.billingSessionVerify]: [VerifySessionRequest, VerifiedSession | null];
  [Subjects.billingSessionList]: [SessionListRequest, SessionListView];
  [Subjects.billingSessionRevoke]: [SessionRef, SessionsRevokedReply];
  [Subjects.billingSessionRevokeAll]: [RevokeAllSessionsRequest, SessionsRevokedReply];
  [Subjects.billingSignInCheck]: [SignInAttempt, SignInThrottleReply];
  /** counts the failure against the account and the address, and writes `auth.sign_in_failed` to the audit log */
  [Subjects.billingSignInFail]: [SignInFailedRequest, SignInThrottleReply];
  /** clears the account's failures and writes `auth.sign_in` to the audit log */
  [Subjects.billingSignInSucceed]: [SignInSucceededRequest, Empty];
};

export type RpcSubject = keyof RpcMap;
export type RpcRequest<S extends RpcSubject> = RpcMap[S][0];
export type RpcReply<S extends RpcSubject> = RpcMap[S][1];

/**
 * The values of a streamed reply (a handler answering with an Observable), for the subjects that
 * can stream: the handler sends these, RpcClient.stream yields them. Any other subject streams its
 * one reply.
 */
export type RpcStreamMap = {
  /** an interactive execute with `stream: true`, and speech (its audio comes as `bytes` events) */
  [Subjects.routerRequestExecute]: StreamEvent;
};

export type RpcStreamValue<S extends RpcSubject> = S extends keyof RpcStreamMap ? RpcStreamMap[S] : RpcReply<S>;
