import { finalState } from './batch-finalizer';

const now = new Date('2025-01-01T00:00:00Z');
const earlier = new Date('2024-12-31T00:00:00Z');

describe('finalState (how a finalized batch ends)', () => {
  it('a batch that ran out completes', () => {
    expect(finalState({ cancellingAt: null, expiredAt: null }, now)).toEqual({ status: 'completed', completedAt: now });
  });

  it('a batch whose window closed expires', () => {
    expect(finalState({ cancellingAt: null, expiredAt: earlier }, now)).toEqual({ status: 'expired' });
  });

  it('a cancelled batch is cancelled, even if its window closed while it was cancelling', () => {
    expect(finalState({ cancellingAt: earlier, expiredAt: null }, now)).toEqual({ status: 'cancelled', cancelledAt: now });
    expect(finalState({ cancellingAt: earlier, expiredAt: earlier }, now)).toEqual({ status: 'cancelled', cancelledAt: now });
  });
});
