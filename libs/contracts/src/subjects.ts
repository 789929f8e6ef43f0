/**
 * Every NATS subject Switchyard uses, in one place.
 * Request/reply: `<handling-service>.<entity>.<verb>`; events: `<emitting-service>.<entity>.<past-tense>`
 * (`rpc.<entity>.<past-tense>` for the request/reply layer's own, which every service sends).
 * A breaking change to a payload gets a new `.v2` subject.
 */
export const Subjects = {
  // health (every service behind the gateway answers its own)
  routerHealthCheck: 'router.health.check',
  billingHealthCheck: 'billing.health.check',
  filesHealthCheck: 'files.health.check',
  batchesHealthCheck: 'batches.health.check',

  // router
  routerRequestExecute: 'router.request.execute',
  routerModelList: 'router.model.list',
  routerChannelCreate: 'router.channel.create',
  routerChannelList: 'router.channel.list',
  routerChannelGet: 'router.channel.get',
  routerChannelUpdate: 'router.channel.update',
  routerChannelDelete: 'router.channel.delete',
  routerChannelTest: 'router.channel.test',
  routerChannelHealthGet: 'router.channel-health.get',
  routerPolicyGet: 'router.policy.get',
  routerPolicySet: 'router.policy.set',
  routerTokensCount: 'router.tokens.count',
  routerFileBind: 'router.file.bind',
  routerFileUnbind: 'router.file.unbind',
  routerTaskSubmit: 'router.task.submit',
  routerTaskPoll: 'router.task.poll',
  routerResponseFetch: 'router.response.fetch',

  // files
  filesFileCreate: 'files.file.create',
  filesFileList: 'files.file.list',
  filesFileGet: 'files.file.get',
  filesFileLocate: 'files.file.locate',
  filesFileDelete: 'files.file.delete',

  // batches
  batchesBatchCreate: 'batches.batch.create',
  batchesBatchGet: 'batches.batch.get',
  batchesBatchList: 'batches.batch.list',
  batchesBatchCancel: 'batches.batch.cancel',
  batchesTaskCreate: 'batches.task.create',
  batchesTaskGet: 'batches.task.get',

  // billing
  billingKeyVerify: 'billing.key.verify',
  billingKeyCreate: 'billing.key.create',
  billingKeyList: 'billing.key.list',
  billingKeyRevoke: 'billing.key.revoke',
  billingUserCreate: 'billing.user.create',
  billingUserList: 'billing.user.list',
  billingUserGet: 'billing.user.get',
  billingCreditAdd: 'billing.credit.add',
  billingPriceSet: 'billing.price.set',
  billingUsageRefund: 'billing.usage.refund',
  billingPriceList: 'billing.price.list',
  /** the admin's price book: a page of every model's prices as billing stores them */
  billingPriceBook: 'billing.price.book',
  billingRateLimitList: 'billing.ratelimit.list',
  billingRateLimitSet: 'billing.ratelimit.set',
  billingUserRateLimitSet: 'billing.userratelimit.set',
  billingUserRateLimitClear: 'billing.userratelimit.clear',
  billingHoldCreate: 'billing.hold.create',
  billingHoldRelease: 'billing.hold.release',
  billingHoldReserve: 'billing.hold.reserve',
  billingUsageList: 'billing.usage.list',
  billingUsageDaily: 'billing.usage.daily',
  billingUsageSummary: 'billing.usage.summarize',
  billingUsageTopSpenders: 'billing.spenders.rank',
  billingUsageExport: 'billing.usage.export',
  billingLedgerList: 'billing.ledger.list',
  billingAuditRecord: 'billing.audit.record',
  billingAuditList: 'billing.audit.list',
  // local accounts: search and change users, one-time links, passwords, OpenID identities
  billingUserSearch: 'billing.user.search',
  billingUserUpdate: 'billing.user.update',
  billingInviteCreate: 'billing.invite.create',
  billingInviteGet: 'billing.invite.get',
  billingInviteAccept: 'billing.invite.accept',
  billingPasswordVerify: 'billing.password.verify',
  billingPasswordChange: 'billing.password.change',
  billingOidcSignIn: 'billing.oidc-identity.resolve',
  billingSessionCreate: 'billing.session.create',
  billingSessionVerify: 'billing.session.verify',
  billingSessionList: 'billing.session.list',
  billingSessionRevoke: 'billing.session.revoke',
  billingSessionRevokeAll: 'billing.session.revoke-all',
  billingSignInCheck: 'billing.signin.check',
  billingSignInFail: 'billing.signin.fail',
  billingSignInSucceed: 'billing.signin.succeed',
} as const;

/** Events. Durable ones travel on JetStream; broadcasts reach every replica (no queue group). */
export const Events = {
  /** durable (JetStream stream USAGE): one per upstream request that produced usage */
  routerRequestCompleted: 'router.request.completed',
  /** durable (JetStream stream USAGE): the estimated usage of a stream whose router died before reporting it */
  gatewayRequestInterrupted: 'gateway.request.interrupted',
  /** broadcast: drop cached principals for this key */
  billingKeyRevoked: 'billing.key.revoked',
  /** broadcast: drop cached sessions (signed out, revoked, or their key revoked) */
  billingSessionRevoked: 'billing.session.revoked',
  /** broadcast: a rate limit changed; gateways drop cached principals so the new limit applies at once */
  billingRateLimitChanged: 'billing.ratelimit.changed',
  /** broadcast: a user's role changed or they were disabled or enabled; gateways drop cached principals */
  billingUserChanged: 'billing.user.changed',
  /** broadcast: a user owes debt (a request cost more than was held); every router stops drawing on that user's leases */
  billingUserIndebted: 'billing.user.indebted',
  /** broadcast: a price changed; routers reload their price book */
  billingPriceChanged: 'billing.price.changed',
  /** broadcast: reload the channel table */
  routerChannelChanged: 'router.channel.changed',
  /** broadcast: the outcome of one upstream call, so every router replica keeps the same health state */
  routerChannelCalled: 'router.channel.called',
  /** broadcast: a channel got a fresh start (new key or URL, re-enabled) or was deleted; every router replica drops its circuits */
  routerChannelHealthCleared: 'router.channel-health.cleared',
  /** broadcast: a user's routing policy changed */
  routerPolicyChanged: 'router.policy.changed',
  /** broadcast: a batch was created or cancelled; every batches replica looks for work at once */
  batchesBatchChanged: 'batches.batch.changed',
  /**
   * broadcast: a caller stopped waiting for a request/reply before any packet of the answer came
   * (the replica it reached is frozen, or its event loop blocked); that replica drops the request
   * unrun if it has not started it yet (nats-rpc-server.ts). Sent by any service's RpcClient.
   */
  rpcRequestAbandoned: 'rpc.request.abandoned',
} as const;

export type Subject = (typeof Subjects)[keyof typeof Subjects];
export type EventSubject = (typeof Events)[keyof typeof Events];

/** JetStream streams and their durable consumers. */
export const Streams = {
  usage: {
    name: 'SWITCHYARD_USAGE',
    subjects: [Events.routerRequestCompleted, Events.gatewayRequestInterrupted],
    billingConsumer: 'billing-usage',
  },
} as const;

/** JetStream KV buckets (streams `KV_<bucket>`), shared by every replica of the service that owns them. */
export const KvBuckets = {
  /**
   * the gateway's rate-limit usage per user (file storage: counts survive a NATS restart). Earlier
   * releases kept it in memory as `SWITCHYARD_RATE_USAGE`; a stream's storage cannot change, so the
   * bucket got a new name (the old one is unused and goes with the next NATS restart).
   */
  rateUsage: 'SWITCHYARD_RATE_COUNTS',
  /** the router's response cache */
  responseCache: 'SWITCHYARD_RESPONSE_CACHE',
} as const;

/** Queue group of each service: N replicas of one service share its request subjects. */
export const ServiceNames = ['gateway', 'router', 'billing', 'files', 'batches'] as const;
export type ServiceName = (typeof ServiceNames)[number];

/** The gateway asks each of these over NATS for its `/health`. */
export const HealthSubjects = {
  router: Subjects.routerHealthCheck,
  billing: Subjects.billingHealthCheck,
  files: Subjects.filesHealthCheck,
  batches: Subjects.batchesHealthCheck,
} as const satisfies Record<Exclude<ServiceName, 'gateway'>, Subject>;
