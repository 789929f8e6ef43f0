import { AbandonedRequests } from './abandoned-requests';

describe('AbandonedRequests', () => {
  it('says once that a remembered request was abandoned, and never for another', () => {
    const abandoned = new AbandonedRequests();
    abandoned.remember('a');
    expect(abandoned.take('b')).toBe(false);
    expect(abandoned.take('a')).toBe(true);
    expect(abandoned.take('a')).toBe(false);
  });

  it('forgets a give-up after its memory time', () => {
    let now = 1_000;
    const abandoned = new AbandonedRequests(() => now, 60_000);
    abandoned.remember('old');
    now += 59_000;
    abandoned.remember('recent');
    now += 2_000;
    expect(abandoned.take('old')).toBe(false);
    expect(abandoned.take('recent')).toBe(true);
  });

  it('drops what is past its memory time as new ids come, and keeps at most its size, forgetting the oldest', () => {
    let now = 0;
    const byAge = new AbandonedRequests(() => now, 1_000, 100);
    for (let i = 0; i < 50; i++) byAge.remember(`old-${i}`);
    now = 5_000;
    byAge.remember('new');
    expect(byAge.size).toBe(1);

    const bySize = new AbandonedRequests(() => 0, 60_000, 3);
    for (const id of ['a', 'b', 'c', 'd']) bySize.remember(id);
    expect(bySize.size).toBe(3);
    expect(bySize.take('a')).toBe(false);
    expect(bySize.take('d')).toBe(true);
  });
});
