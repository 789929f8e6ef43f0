import { CreatedInvite, DomainError, hashApiKey, InviteView } from '@switchyard/contracts';

/** Where the console sets a password from a link: its hash route, so the token never reaches a server log as a path. */
export function inviteView(invite: CreatedInvite): InviteView {
  return { object: 'invite', url: `/#/invite/${invite.token}`, expires_at: invite.expiresAt };
}

/** A link's token (256 random bits, base64url) as billing knows it: its sha256. Anything else is an unknown link. */
export function inviteTokenHash(token: string): string {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) throw DomainError.notFound('Invite', 'token');
  return hashApiKey(token);
}
