import { passwordRules } from './password-strength';

/** The rules, each marked met or not, announced politely as they change. */
export function PasswordRulesList({ id, password, email }: { id: string; password: string; email?: string | null }) {
  return (
    <ul id={id} className="strength-list" aria-live="polite">
      {passwordRules(password, email).map((rule) => (
        <li key={rule.id} className={rule.met ? 'strength-ok' : 'strength-bad'}>
          {rule.met ? '✓' : '✗'} {rule.text}
          <span className="visually-hidden">{rule.met ? ' (met)' : ' (not met)'}</span>
        </li>
      ))}
    </ul>
  );
}
