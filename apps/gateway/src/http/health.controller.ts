import { Controller, Get, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { HealthSubjects } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { takeEventLoopDelay } from '@switchyard/runtime';
import { Public } from '../auth/access';
import { GatewayConfig } from '../gateway.config';

/** 200 only when every service answers over NATS; 503 naming what is down otherwise. Each reports its event-loop delay since the last check. */
@Controller('health')
@Public()
export class HealthController {
  constructor(
    private readonly rpc: RpcClient,
    private readonly config: GatewayConfig,
  ) {}

  @Get()
  async check(@Res() reply: FastifyReply): Promise<void> {
    const entries = await Promise.all(
      Object.entries(HealthSubjects).map(async ([service, subject]) => {
        try {
          const answer = await this.rpc.send(subject, {}, this.config.SWITCHYARD_HEALTH_TIMEOUT_MS);
          return [
            service,
            { status: 'ok', instance: answer.instance, checks: answer.checks, event_loop_delay_ms: answer.event_loop_delay_ms ?? null },
          ] as const;
        } catch (error) {
          return [service, { status: 'down', error: (error as Error).message }] as const;
        }
      }),
    );
    const services = Object.fromEntries([['gateway', { status: 'ok', event_loop_delay_ms: takeEventLoopDelay() }], ...entries]);
    const down = entries.filter(([, s]) => s.status !== 'ok').map(([name]) => name);
    reply.status(down.length ? 503 : 200).send({ status: down.length ? 'unavailable' : 'ok', down, services });
  }
}
