import { Body, Controller, HttpCode, Put } from '@nestjs/common';
import { ChangePasswordBody, createValidated, Principal, Subjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { Access, Caller } from '../auth/access';

/** A signed-in user changes their own password. */
@Controller('auth/password')
@Access('usage')
export class PasswordController {
  constructor(private readonly rpc: RpcClient) {}

  @Put()
  @HttpCode(204)
  async change(@Body() body: unknown, @Caller() caller: Principal): Promise<void> {
    const passwords = createValidated(ChangePasswordBody, body);
    await this.rpc.send(Subjects.billingPasswordChange, { userId: caller.userId, body: passwords });
    // TODO(merge with auth-core): revoke the user's other sessions
  }
}
