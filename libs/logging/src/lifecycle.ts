/**
 * The line every service process writes once it takes work; supervisors (the launcher, tests)
 * wait for it. One place for both sides.
 */
export function readyMessage(service: string, detail?: string): string {
  return detail ? `${service} ready ${detail}` : `${service} ready`;
}

export function readyPattern(service: string): RegExp {
  return new RegExp(`\\b${service} ready\\b`);
}
