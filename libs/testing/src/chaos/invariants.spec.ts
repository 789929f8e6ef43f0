import OpenAI from 'openai';
import { batchLinesOnce, billedOnce, noRequestHung } from './invariants';
import { failureSummary, outcomeOfError, RequestRecord } from './outcomes';

const record = (over: Partial<RequestRecord>): RequestRecord => ({ kind: 'chat', startedAt: 0, endedAt: 1, outcome: 'ok', ...over });

describe('chaos invariants', () => {
  describe('billedOnce', () => {
    const delivered = [record({ requestId: 'r1' }), record({ requestId: 'r2', kind: 'stream' })];

    it('holds when every call the mock received has its record', () => {
      expect(billedOnce({ received: 2, answered: 2 }, new Set(['r1', 'r2']), delivered, 0).held).toBe(true);
    });

    it('breaks when there are more records than upstream calls (billed twice, or billed without a call)', () => {
      expect(billedOnce({ received: 1, answered: 1 }, new Set(['r1', 'r2']), delivered, 0).held).toBe(false);
    });

    it('breaks when an answer the caller received has no record', () => {
      const result = billedOnce({ received: 3, answered: 3 }, new Set(['r1', 'x']), delivered, 5);
      expect(result.held).toBe(false);
      expect(result.detail).toContain('1 answers delivered to the caller without a record');
    });

    it('allows calls in flight on a killed router to stay unbilled, but no more', () => {
      expect(billedOnce({ received: 4, answered: 2 }, new Set(['r1', 'r2']), delivered, 2).held).toBe(true);
      expect(billedOnce({ received: 5, answered: 2 }, new Set(['r1', 'r2']), delivered, 2).held).toBe(false);
    });
  });

  describe('batchLinesOnce', () => {
    it('holds when each input line has exactly one result', () => {
      expect(batchLinesOnce('b', ['a', 'b'], ['b', 'a']).held).toBe(true);
    });

    it.each([
      ['a missing line', ['a']],
      ['a repeated line', ['a', 'b', 'b']],
      ['a line that was not in the input', ['a', 'b', 'c']],
    ])('breaks on %s', (_what, results) => {
      expect(batchLinesOnce('b', ['a', 'b'], results).held).toBe(false);
    });
  });

  it('noRequestHung breaks on one hung request', () => {
    expect(noRequestHung([record({}), record({ outcome: 'hung' })], 30_000).held).toBe(false);
    expect(noRequestHung([record({}), record({ outcome: 'clean_error' })], 30_000).held).toBe(true);
  });
});

describe('outcomes', () => {
  it('an HTTP error with the OpenAI envelope is clean; one without it is not', () => {
    const clean = new OpenAI.APIError(503, { message: 'down', type: 'server_error' }, 'down', new Headers());
    const bare = new OpenAI.APIError(500, undefined, 'oops', new Headers());
    expect(outcomeOfError(clean, false)).toMatchObject({ outcome: 'clean_error', status: 503 });
    expect(outcomeOfError(bare, false).outcome).toBe('unclean');
  });

  it('a connection error is not a clean error, and anything past the deadline is hung', () => {
    expect(outcomeOfError(new OpenAI.APIConnectionError({ message: 'reset' }), false).outcome).toBe('connection_error');
    expect(outcomeOfError(new OpenAI.APIConnectionError({ message: 'reset' }), true).outcome).toBe('hung');
    expect(outcomeOfError(new Error('something else'), false).outcome).toBe('unclean');
  });

  it('summarises failures by kind and status', () => {
    const summary = failureSummary([
      record({ kind: 'upload', outcome: 'clean_error', status: 503 }),
      record({ kind: 'upload', outcome: 'clean_error', status: 503 }),
      record({ kind: 'stream', outcome: 'clean_error' }),
      record({ kind: 'chat' }),
    ]);
    expect(summary).toBe('upload 503 ×2, stream error event ×1');
  });
});
