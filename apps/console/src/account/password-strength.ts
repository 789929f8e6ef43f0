/**
 * The server's password rules (contract: ≥ 12 characters, not all one class, not containing the
 * email's local part), checked as the user types so the reasons show before they submit. The server
 * checks again and its answer (`weak_password`) is what counts.
 */
export interface StrengthRule {
  id: 'length' | 'classes' | 'email';
  text: string;
  met: boolean;
}

function classesOf(password: string): number {
  return [/[a-z]/, /[A-Z]/, /[0-9]/, /[^A-Za-z0-9]/].filter((re) => re.test(password)).length;
}

export function passwordRules(password: string, email?: string | null): StrengthRule[] {
  const local = (email ?? '').split('@')[0].toLowerCase();
  return [
    { id: 'length', text: 'At least 12 characters', met: [...password].length >= 12 },
    { id: 'classes', text: 'Not all one kind of character (mix letters, digits or symbols)', met: classesOf(password) >= 2 },
    {
      id: 'email',
      text: 'Does not contain your email name',
      met: local.length < 3 || !password.toLowerCase().includes(local),
    },
  ];
}

export const isStrongEnough = (password: string, email?: string | null): boolean => passwordRules(password, email).every((r) => r.met);
