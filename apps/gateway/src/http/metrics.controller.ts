import { Controller, Get, Headers, Res } from '@nestjs/common';
import { createHash, timingSafeEqual } from 'crypto';
import { FastifyReply } from 'fastify';
import { DomainError } from '@switchyard/contracts';
import { scrapeMetrics } from '@switchyard/runtime';
import { Public } from '../auth/access';
import { GatewayConfig } from '../gateway.config';

const digest = (text: string) => createHash('sha256').update(text).digest();

/**
 * Prometheus's scrape of this process: the gateway's metrics, and in one-process mode every
 * service's. No API key; when SWITCHYARD_METRICS_TOKEN is set, that token as a Bearer.
 */
@Controller('metrics')
@Public()
export class MetricsController {
  private readonly token: Buffer | null;

  constructor(config: GatewayConfig) {
    this.token = config.SWITCHYARD_METRICS_TOKEN ? digest(config.SWITCHYARD_METRICS_TOKEN) : null;
  }

  @Get()
  async scrape(@Headers('authorization') authorization: string | undefined, @Res() reply: FastifyReply): Promise<void> {
    if (this.token) {
      const given = /^Bearer (.+)$/i.exec(authorization ?? '')?.[1];
      if (!given || !timingSafeEqual(digest(given), this.token))
        throw new DomainError('invalid_api_key', 'The metrics token is missing or wrong', null);
    }
    const { body, contentType } = await scrapeMetrics();
    reply.status(200).header('content-type', contentType).header('cache-control', 'no-store').send(body);
  }
}
