/**
 * Shapes of the console contract's routes (/work/shared console contract: sessions, account, own keys,
 * usage summary) that the generated schema does not have yet. Replaced by the generated types
 * (`components['schemas'][…]`) once those routes are on main.
 */

export type Role = 'admin' | 'user' | string;

export interface SessionUser {
  id: string;
  name: string;
  email: string | null;
  role: Role;
}

export interface Session {
  object: 'session';
  user: SessionUser;
  scopes: string[];
  method: 'api_key' | 'password' | 'oidc';
  expires_at: number;
}

export interface SignInMethods {
  password: boolean;
  oidc: { enabled: boolean; start_url: string };
}

export interface SessionEntry {
  id: string;
  method: Session['method'];
  created_at: number;
  last_seen_at: number;
  expires_at: number;
  ip: string | null;
  user_agent: string | null;
  current: boolean;
}

export interface ListOf<T> {
  object: 'list';
  data: T[];
  has_more?: boolean;
  first_id?: string | null;
  last_id?: string | null;
}

export interface Account {
  object: 'account';
  user: SessionUser;
  balance: number;
  debt: number;
  rate_limit: number | null;
}

export interface OwnKey {
  id: string;
  name: string;
  scopes: string[];
  created_at: number;
  last_used_at: number | null;
  revoked_at?: number | null;
}

export interface CreatedKey extends OwnKey {
  key: string;
}

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
