/** The longest password taken: hashing cost grows with it, and nobody types more. */
export const MAX_PASSWORD_LENGTH = 1024;
export const MIN_PASSWORD_LENGTH = 12;

/** The local part of an email is only checked when it is long enough to mean something. */
const MIN_LOCAL_PART = 3;

function characterClass(ch: string): 'lower' | 'upper' | 'digit' | 'other' {
  if (/\p{Ll}/u.test(ch)) return 'lower';
  if (/\p{Lu}/u.test(ch)) return 'upper';
  if (/\p{Nd}/u.test(ch)) return 'digit';
  return 'other';
}

/**
 * Why a new password is too weak, or null when it is strong enough: at least 12 characters, not
 * all of one class (lower case, upper case, digits, others), and not containing the local part of
 * the account's email.
 */
export function passwordWeakness(password: string, email: string | null): string | null {
  const length = [...password].length;
  if (length < MIN_PASSWORD_LENGTH) return `The password must have at least ${MIN_PASSWORD_LENGTH} characters`;
  if (length > MAX_PASSWORD_LENGTH) return `The password must have at most ${MAX_PASSWORD_LENGTH} characters`;
  if (new Set([...password].map(characterClass)).size < 2) {
    return 'The password must mix at least two kinds of characters (lower case, upper case, digits, others)';
  }
  const local = email?.split('@')[0]?.toLowerCase() ?? '';
  if (local.length >= MIN_LOCAL_PART && password.toLowerCase().includes(local)) return 'The password must not contain the email address';
  return null;
}
