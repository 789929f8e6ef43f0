import type { SessionUserView } from './sessions';

/** `GET /v1/account`: the caller's own account. */
export interface AccountView {
  object: 'account';
  user: SessionUserView;
  /** USD */
  balance: number;
  /** USD owed */
  debt: number;
  /** requests per minute in force; null = unlimited */
  rate_limit: number | null;
}
