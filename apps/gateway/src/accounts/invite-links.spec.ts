import { hashApiKey } from '@switchyard/contracts';
import { inviteTokenHash, inviteView } from './invite-links';

describe('invite links', () => {
  const token = 'Wk9rT2tLdnRrVnN4cW5fM0lqQ2pNY2R6b2J5N2tEZnE';

  it("point at the console's page for the link, under its hash route", () => {
    expect(inviteView({ token, kind: 'invite', email: 'a@example.com', expiresAt: 1_800_000_000 })).toEqual({
      object: 'invite',
      url: `/#/invite/${token}`,
      expires_at: 1_800_000_000,
    });
  });

  it('are looked up by the sha256 of their token', () => {
    expect(inviteTokenHash(token)).toBe(hashApiKey(token));
  });

  it('answer 404 for anything that is not a token we make, before billing is asked', () => {
    for (const bad of ['', 'short', `${token}x`, `${token.slice(0, 42)}/`, `${token.slice(0, 42)}%`]) {
      expect(() => inviteTokenHash(bad)).toThrow(expect.objectContaining({ code: 'not_found' }));
    }
  });
});
