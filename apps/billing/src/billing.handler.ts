import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import {
  AcceptInviteRequest,
  ChangePasswordRequest,
  CreateInviteRequest,
  InviteRef,
  OidcSignInRequest,
  UpdateUserRequest,
  UserSearchRequest,
  VerifyPasswordRequest,
  AddCreditRequest,
  AuditListRequest,
  AuditRecordRequest,
  CreateHoldRequest,
  CreateKeyRequest,
  CreateUserRequest,
  ClearUserRateLimitRequest,
  RevokeKeyRequest,
  createValidated,
  ReleaseHoldRequest,
  LedgerListRequest,
  RefundRequest,
  ReserveRequest,
  SetPriceRequest,
  PriceBookRequest,
  SetRoleRateLimitRequest,
  SetUserRateLimitRequest,
  Subjects,
  TopSpendersRequest,
  UsageExportRequest,
  UsageFilter,
  UsageSummaryRequest,
  UsageListRequest,
  UserRef,
  VerifyKeyRequest,
} from '@switchyard/contracts';
import { checkHealth } from '@switchyard/nats';
import { AuditLogService } from './audit-log.service';
import { HoldsService } from './holds.service';
import { KeysService } from './keys.service';
import { LocalAccountsService } from './local-accounts.service';
import { PricesService } from './prices.service';
import { RefundsService } from './refunds.service';
import { RateLimitsService } from './rate-limits.service';
import { UsageReportsService } from './usage-reports.service';
import { UsageSummaryService } from './usage-summary.service';
import { UsersService } from './users.service';

/** NATS edge of billing: validate, delegate. */
@Controller()
export class BillingHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly keys: KeysService,
    private readonly prices: PricesService,
    private readonly reports: UsageReportsService,
    private readonly summaries: UsageSummaryService,
    private readonly rateLimits: RateLimitsService,
    private readonly holds: HoldsService,
    private readonly refunds: RefundsService,
    private readonly auditLog: AuditLogService,
    private readonly accounts: LocalAccountsService,
  ) {}

  @MessagePattern(Subjects.billingHealthCheck)
  health() {
    return checkHealth('billing', { database: () => this.ds.query('SELECT 1') });
  }

  @MessagePattern(Subjects.billingKeyVerify)
  verifyKey(@Payload() payload: unknown) {
    return this.keys.verify(createValidated(VerifyKeyRequest, payload).keyHash);
  }

  @MessagePattern(Subjects.billingKeyCreate)
  createKey(@Payload() payload: unknown) {
    const req = createValidated(CreateKeyRequest, payload);
    return this.keys.create(req.userId, req.body, req.audit);
  }

  @MessagePattern(Subjects.billingKeyList)
  listKeys(@Payload() payload: unknown) {
    return this.keys.list(createValidated(UserRef, payload).userId);
  }

  @MessagePattern(Subjects.billingKeyRevoke)
  revokeKey(@Payload() payload: unknown) {
    const ref = createValidated(RevokeKeyRequest, payload);
    return this.keys.revoke(ref.userId, ref.keyId, ref.audit);
  }

  @MessagePattern(Subjects.billingUserCreate)
  createUser(@Payload() payload: unknown) {
    return this.users.create(createValidated(CreateUserRequest, payload));
  }

  @MessagePattern(Subjects.billingUserList)
  listUsers() {
    return this.users.list();
  }

  @MessagePattern(Subjects.billingUserGet)
  getUser(@Payload() payload: unknown) {
    return this.users.get(createValidated(UserRef, payload).userId);
  }

  @MessagePattern(Subjects.billingCreditAdd)
  addCredit(@Payload() payload: unknown) {
    const req = createValidated(AddCreditRequest, payload);
    return this.users.addCredit(req.userId, req.body.amount, req.audit);
  }

  @MessagePattern(Subjects.billingPriceSet)
  setPrice(@Payload() payload: unknown) {
    const req = createValidated(SetPriceRequest, payload);
    return this.prices.set(req.model, req.body, req.audit);
  }

  @MessagePattern(Subjects.billingUsageList)
  listUsage(@Payload() payload: unknown) {
    return this.reports.list(createValidated(UsageListRequest, payload));
  }

  @MessagePattern(Subjects.billingUsageDaily)
  dailyUsage(@Payload() payload: unknown) {
    return this.reports.daily(createValidated(UsageFilter, payload));
  }

  @MessagePattern(Subjects.billingUsageSummary)
  usageSummary(@Payload() payload: unknown) {
    return this.summaries.summary(createValidated(UsageSummaryRequest, payload));
  }

  @MessagePattern(Subjects.billingUsageTopSpenders)
  topSpenders(@Payload() payload: unknown) {
    return this.summaries.topSpenders(createValidated(TopSpendersRequest, payload));
  }

  @MessagePattern(Subjects.billingUsageExport)
  exportUsage(@Payload() payload: unknown) {
    return this.reports.exportPage(createValidated(UsageExportRequest, payload));
  }

  @MessagePattern(Subjects.billingUsageRefund)
  refund(@Payload() payload: unknown) {
    return this.refunds.refund(createValidated(RefundRequest, payload));
  }

  @MessagePattern(Subjects.billingLedgerList)
  listLedger(@Payload() payload: unknown) {
    return this.reports.ledger(createValidated(LedgerListRequest, payload));
  }

  @MessagePattern(Subjects.billingPriceBook)
  priceBook(@Payload() payload: unknown) {
    return this.prices.book(createValidated(PriceBookRequest, payload));
  }

  @MessagePattern(Subjects.billingPriceList)
  listPrices() {
    return this.prices.list();
  }

  @MessagePattern(Subjects.billingRateLimitList)
  listRateLimits() {
    return this.rateLimits.list();
  }

  @MessagePattern(Subjects.billingRateLimitSet)
  setRateLimit(@Payload() payload: unknown) {
    const req = createValidated(SetRoleRateLimitRequest, payload);
    return this.rateLimits.setRole(req.role, req.body.requests_per_minute, req.audit);
  }

  @MessagePattern(Subjects.billingUserRateLimitSet)
  setUserRateLimit(@Payload() payload: unknown) {
    const req = createValidated(SetUserRateLimitRequest, payload);
    return this.rateLimits.setUser(req.userId, true, req.body.requests_per_minute, req.audit);
  }

  @MessagePattern(Subjects.billingUserRateLimitClear)
  clearUserRateLimit(@Payload() payload: unknown) {
    const req = createValidated(ClearUserRateLimitRequest, payload);
    return this.rateLimits.setUser(req.userId, false, null, req.audit);
  }

  @MessagePattern(Subjects.billingHoldCreate)
  createHold(@Payload() payload: unknown) {
    return this.holds.create(createValidated(CreateHoldRequest, payload));
  }

  @MessagePattern(Subjects.billingHoldReserve)
  reserve(@Payload() payload: unknown) {
    return this.holds.reserve(createValidated(ReserveRequest, payload));
  }

  @MessagePattern(Subjects.billingHoldRelease)
  releaseHold(@Payload() payload: unknown) {
    const req = createValidated(ReleaseHoldRequest, payload);
    return req.amountNano === undefined ? this.holds.release(req.requestId) : this.holds.releasePart(req.requestId, BigInt(req.amountNano));
  }

  /** An action another service audits (the router's channel writes); billing's own writes record theirs in their transaction. */
  @MessagePattern(Subjects.billingAuditRecord)
  recordAudit(@Payload() payload: unknown) {
    return this.auditLog.record(createValidated(AuditRecordRequest, payload));
  }

  @MessagePattern(Subjects.billingAuditList)
  listAudit(@Payload() payload: unknown) {
    return this.auditLog.list(createValidated(AuditListRequest, payload));
  }

  @MessagePattern(Subjects.billingUserSearch)
  searchUsers(@Payload() payload: unknown) {
    return this.accounts.search(createValidated(UserSearchRequest, payload));
  }

  @MessagePattern(Subjects.billingUserUpdate)
  updateUser(@Payload() payload: unknown) {
    const req = createValidated(UpdateUserRequest, payload);
    return this.accounts.update(req.userId, req.body, req.audit);
  }

  @MessagePattern(Subjects.billingInviteCreate)
  createInvite(@Payload() payload: unknown) {
    return this.accounts.createInvite(createValidated(CreateInviteRequest, payload));
  }

  @MessagePattern(Subjects.billingInviteGet)
  getInvite(@Payload() payload: unknown) {
    return this.accounts.getInvite(createValidated(InviteRef, payload).tokenHash);
  }

  @MessagePattern(Subjects.billingInviteAccept)
  acceptInvite(@Payload() payload: unknown) {
    return this.accounts.acceptInvite(createValidated(AcceptInviteRequest, payload));
  }

  @MessagePattern(Subjects.billingPasswordVerify)
  verifyPassword(@Payload() payload: unknown) {
    return this.accounts.verifyPassword(createValidated(VerifyPasswordRequest, payload));
  }

  @MessagePattern(Subjects.billingPasswordChange)
  changePassword(@Payload() payload: unknown) {
    return this.accounts.changePassword(createValidated(ChangePasswordRequest, payload));
  }

  @MessagePattern(Subjects.billingOidcSignIn)
  oidcSignIn(@Payload() payload: unknown) {
    return this.accounts.oidcSignIn(createValidated(OidcSignInRequest, payload));
  }
}
