import type { components } from '@switchyard/api-client';

/**
 * The console's names for the API's shapes: generated ones (libs/api-client) where the route is in
 * the API document; hand-written from the console contract where it is not yet (invites, the usage
 * summary), to be replaced by the generated types when those routes are merged.
 */

export type Session = components['schemas']['Session'];
export type SessionUser = Session['user'];

export type SignInMethods = components['schemas']['SignInMethods'];

export type SessionEntry = components['schemas']['SessionSummary'];

export interface ListOf<T> {
  object: 'list';
  data: T[];
  has_more?: boolean;
  first_id?: string | null;
  last_id?: string | null;
}

export type Account = components['schemas']['Account'];

export type OwnKey = components['schemas']['ApiKey'];

export type CreatedKey = components['schemas']['CreatedApiKey'];

export interface Invite {
  object: 'invite';
  email: string;
  name: string;
  kind: 'invite' | 'reset';
  expires_at: number;
}

export type GroupBy = 'model' | 'channel_type' | 'none';

export interface UsageSummaryPoint {
  start: number;
  group: string | null;
  requests: number;
  prompt_tokens: number;
  completion_tokens: number;
  cost: number;
}

export interface UsageSummary {
  object: 'usage.summary';
  granularity: 'hour' | 'day';
  from: number;
  to: number;
  group_by: GroupBy;
  totals: { requests: number; prompt_tokens: number; completion_tokens: number; cost: number };
  series: UsageSummaryPoint[];
  groups: { group: string | null; requests: number; cost: number }[];
}
