/**
 * Shapes of console-contract routes the ops pages call that the generated schema does not have yet
 * (channel health, the admin usage summary, top spenders). Replaced by the generated types once
 * those routes are on main.
 */

export interface ChannelHealthModel {
  model: string;
  circuit: 'closed' | 'open' | 'half_open';
  recent_failures: number;
  last_error: string | null;
  last_error_at: number | null;
}

export interface ChannelHealth {
  object: 'channel.health';
  channel_id: string;
  status: string;
  auto_disabled_reason: string | null;
  models: ChannelHealthModel[];
}

export type AdminGroupBy = 'model' | 'channel_type' | 'channel' | 'user' | 'none';

export interface TopSpender {
  user_id: string;
  name: string;
  requests: number;
  cost: number;
}
