import { createHash, randomBytes } from 'crypto';

/** Switchyard API keys: `sk-sy-` and 43 url-safe characters (256 random bits). */
export const API_KEY_PREFIX = 'sk-sy-';

export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** Keys are stored and looked up by this hash only; the key itself is shown once. */
export function hashApiKey(key: string): string {
  return createHash('sha256').update(key, 'utf8').digest('hex');
}

/** What a listing shows so a person can recognise a key without revealing it. */
export function apiKeyHint(key: string): string {
  return `${key.slice(0, API_KEY_PREFIX.length + 4)}...${key.slice(-4)}`;
}
