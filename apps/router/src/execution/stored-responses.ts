import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { DomainError, StoredResponseRequest } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { LOGGER } from '@switchyard/nats';
import { adapterFor, UpstreamError } from '@switchyard/providers';
import { upstreamTargetOf, visibleTo } from '../routing/channel-selector';
import { ChannelTable } from '../channels/channel-table';
import { upstreamFailureToDomain } from './upstream-failure';
import { RouterConfig } from '../router.config';
import { Reference } from '../inputs/upstream-references';

/**
 * Responses answers are stored by the channel that made them (unless `store: false`); we remember
 * which channel, per owner, so `GET`/`DELETE /v1/responses/{id}` go back there. Answers translated
 * from chat were never stored anywhere and are not found.
 */
@Injectable()
export class StoredResponses {
  constructor(
    private readonly ds: DataSource,
    private readonly table: ChannelTable,
    private readonly config: RouterConfig,
    @Inject(LOGGER) private readonly logger: JsonLogger,
  ) {}

  /**
   * Called after a native Responses answer (awaited, so a `GET` right after finds it) or on the
   * `response.created` event of a stream. A failure is logged, never the caller's.
   */
  async remember(responseId: unknown, ownerUserId: string, channelId: string, stored: boolean): Promise<void> {
    if (typeof responseId !== 'string' || !stored) return;
    await this.ds
      .query(
        `INSERT INTO router.stored_responses (response_id, owner_user_id, channel_id) VALUES ($1, $2, $3)
      ON CONFLICT (owner_user_id, response_id) DO UPDATE SET channel_id = EXCLUDED.channel_id, created_at = now()`,
        [responseId, ownerUserId, channelId],
      )
      .catch((e) => this.logger.warn(`response ${responseId}: its channel was not remembered`, e));
  }

  /**
   * The channel that stored a response the caller created. A `previous_response_id` that is not
   * theirs answers 404 before anything is sent: upstream, it may name another tenant's response.
   */
  async channelOf(ref: Reference, ownerUserId: string): Promise<string> {
    const [row] = await this.ds.query<{ channel_id: string }[]>(
      `SELECT channel_id FROM router.stored_responses WHERE response_id = $1 AND owner_user_id = $2`,
      [ref.id, ownerUserId],
    );
    if (!row) throw new DomainError('not_found', `No stored response with id '${ref.id}'`, ref.param, 404);
    return row.channel_id;
  }

  async fetch(req: StoredResponseRequest): Promise<Record<string, unknown>> {
    const [row] = await this.ds.query<{ channel_id: string }[]>(
      `SELECT channel_id FROM router.stored_responses WHERE response_id = $1 AND owner_user_id = $2`,
      [req.responseId, req.principal.userId],
    );
    const channel = row && (await this.table.current()).find((c) => c.id === row.channel_id && visibleTo(c, req.principal.userId));
    const adapter = channel && adapterFor(channel.provider);
    if (!channel || !adapter?.storedResponse)
      throw new DomainError('not_found', `No stored response with id '${req.responseId}'`, 'response_id', 404);
    const call = {
      endpoint: '/v1/responses' as const,
      target: upstreamTargetOf(channel, this.config.SWITCHYARD_ALLOW_PRIVATE_UPSTREAMS),
      body: {},
      timeoutMs: this.config.SWITCHYARD_UPSTREAM_TIMEOUT_MS,
    };
    try {
      const answer = await adapter.storedResponse(call, req.responseId, req.action);
      if (req.action === 'delete')
        await this.ds.query(`DELETE FROM router.stored_responses WHERE response_id = $1 AND owner_user_id = $2`, [
          req.responseId,
          req.principal.userId,
        ]);
      return answer;
    } catch (error) {
      if (error instanceof UpstreamError) throw upstreamFailureToDomain(error, null);
      throw error;
    }
  }
}
