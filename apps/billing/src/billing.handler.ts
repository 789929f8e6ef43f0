import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import { DataSource } from 'typeorm';
import {
  AddCreditRequest, CreateKeyRequest, CreateUserBody, createValidated, KeyRef, SetPriceRequest, Subjects, UsageListRequest,
  UserRef, VerifyKeyRequest,
} from '@switchyard/contracts';
import { checkHealth } from '@switchyard/nats';
import { KeysService } from './keys.service';
import { PricesService } from './prices.service';
import { UsageService } from './usage.service';
import { UsersService } from './users.service';

/** NATS edge of billing: validate, delegate. */
@Controller()
export class BillingHandler {
  constructor(
    private readonly ds: DataSource,
    private readonly users: UsersService,
    private readonly keys: KeysService,
    private readonly prices: PricesService,
    private readonly usage: UsageService,
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
    return this.keys.create(req.userId, req.body);
  }

  @MessagePattern(Subjects.billingKeyList)
  listKeys(@Payload() payload: unknown) {
    return this.keys.list(createValidated(UserRef, payload).userId);
  }

  @MessagePattern(Subjects.billingKeyRevoke)
  revokeKey(@Payload() payload: unknown) {
    const ref = createValidated(KeyRef, payload);
    return this.keys.revoke(ref.userId, ref.keyId);
  }

  @MessagePattern(Subjects.billingUserCreate)
  createUser(@Payload() payload: unknown) {
    return this.users.create(createValidated(CreateUserBody, payload));
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
    return this.users.addCredit(req.userId, req.body.amount);
  }

  @MessagePattern(Subjects.billingPriceSet)
  setPrice(@Payload() payload: unknown) {
    const req = createValidated(SetPriceRequest, payload);
    return this.prices.set(req.model, req.body);
  }

  @MessagePattern(Subjects.billingUsageList)
  listUsage(@Payload() payload: unknown) {
    return this.usage.list(createValidated(UsageListRequest, payload));
  }
}
