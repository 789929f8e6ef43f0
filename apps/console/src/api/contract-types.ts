import type { components } from '@switchyard/api-client';

/**
 * The console's names for the API's shapes: generated ones (libs/api-client) where the route is in
 * the API document; hand-written from the console contract where it is not yet (invites), to be replaced by the generated types when those routes are merged.
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

export type Invite = components['schemas']['InviteDetails'];

export type UsageSummary = components['schemas']['UsageSummary'];
/** How the key holder's summary may split its series (the admin's also by user and channel). */
export type GroupBy = Exclude<UsageSummary['group_by'], 'user' | 'channel'>;
