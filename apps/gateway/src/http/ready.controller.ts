import { Controller, Get, Res } from '@nestjs/common';
import { FastifyReply } from 'fastify';
import { processReadiness } from '@switchyard/runtime';
import { Public } from '../auth/access';

/**
 * Readiness, for load balancers: 200 while this gateway takes new requests, 503 from the moment its
 * shutdown starts (it still finishes what it holds, for SWITCHYARD_SHUTDOWN_DRAIN_DELAY_MS keeps
 * answering new ones too, then closes its listener). It asks no other service: `GET /health` is the
 * deep check, and it stays as it was while the gateway drains.
 */
@Controller('ready')
@Public()
export class ReadyController {
  @Get()
  check(@Res() reply: FastifyReply): void {
    if (processReadiness.ready) reply.status(200).send({ status: 'ready' });
    else reply.status(503).send({ status: 'draining' });
  }
}
