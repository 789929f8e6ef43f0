import { Controller } from '@nestjs/common';
import { MessagePattern, Payload } from '@nestjs/microservices';
import {
  CreateSessionRequest,
  createValidated,
  RevokeAllSessionsRequest,
  SessionListRequest,
  SessionRef,
  SignInAttempt,
  SignInFailedRequest,
  SignInSucceededRequest,
  Subjects,
  VerifySessionRequest,
} from '@switchyard/contracts';
import { SessionsService } from './sessions.service';
import { SignInThrottleService } from './sign-in-throttle.service';

/** NATS edge of console sessions and sign-ins: validate, delegate. */
@Controller()
export class SessionsHandler {
  constructor(
    private readonly sessions: SessionsService,
    private readonly signIns: SignInThrottleService,
  ) {}

  @MessagePattern(Subjects.billingSessionCreate)
  create(@Payload() payload: unknown) {
    return this.sessions.create(createValidated(CreateSessionRequest, payload));
  }

  @MessagePattern(Subjects.billingSessionVerify)
  verify(@Payload() payload: unknown) {
    return this.sessions.verify(createValidated(VerifySessionRequest, payload).tokenHash);
  }

  @MessagePattern(Subjects.billingSessionList)
  list(@Payload() payload: unknown) {
    const request = createValidated(SessionListRequest, payload);
    return this.sessions.list(request.userId, request.currentSessionId);
  }

  @MessagePattern(Subjects.billingSessionRevoke)
  revoke(@Payload() payload: unknown) {
    const ref = createValidated(SessionRef, payload);
    return this.sessions.revoke(ref.userId, ref.sessionId);
  }

  @MessagePattern(Subjects.billingSessionRevokeAll)
  revokeAll(@Payload() payload: unknown) {
    const request = createValidated(RevokeAllSessionsRequest, payload);
    return this.sessions.revokeAll(request.userId, request.exceptSessionId);
  }

  @MessagePattern(Subjects.billingSignInCheck)
  checkSignIn(@Payload() payload: unknown) {
    const attempt = createValidated(SignInAttempt, payload);
    return this.signIns.check(attempt.account, attempt.address);
  }

  @MessagePattern(Subjects.billingSignInFail)
  signInFailed(@Payload() payload: unknown) {
    return this.signIns.fail(createValidated(SignInFailedRequest, payload));
  }

  @MessagePattern(Subjects.billingSignInSucceed)
  signInSucceeded(@Payload() payload: unknown) {
    return this.signIns.succeed(createValidated(SignInSucceededRequest, payload));
  }
}
