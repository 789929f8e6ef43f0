import { reservationRequest } from './batch-reservation';

describe('reservationRequest (what billing sets aside for a batch)', () => {
  it('asks for the worst case of each model, keyed by the batch, until an hour after its window closes', () => {
    const now = Date.parse('2025-01-01T00:00:00Z');
    const batch = { id: 'batch_1', ownerUserId: 'user_1', expiresAt: new Date(now + 86_400_000) };
    const worstCase = new Map([
      ['gpt-a', { promptTokens: 100, completionTokens: 40 }],
      ['gpt-b', { promptTokens: 5, completionTokens: 10 }],
    ]);
    expect(reservationRequest(batch, worstCase, now)).toEqual({
      requestId: 'batch_1',
      userId: 'user_1',
      ttlMs: 86_400_000 + 3_600_000,
      items: [
        { model: 'gpt-a', promptTokens: 100, completionTokens: 40 },
        { model: 'gpt-b', promptTokens: 5, completionTokens: 10 },
      ],
    });
  });
});
