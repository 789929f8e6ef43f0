import { unrunResults } from './batch-settler';

const unrun = [
  { custom_id: 'a', line_no: 3 },
  { custom_id: 'b', line_no: 9 },
];

describe('unrunResults (the lines a stopped batch never ran)', () => {
  it("fails each of a cancelled batch's lines as batch_cancelled, under its own request id", () => {
    expect(unrunResults({ id: 'batch_1', status: 'cancelling' }, unrun)).toEqual([
      {
        batchId: 'batch_1',
        customId: 'a',
        requestId: 'batch_1-3',
        succeeded: false,
        result: {
          id: 'batch_req_batch_1-3',
          custom_id: 'a',
          response: null,
          error: { code: 'batch_cancelled', message: 'This request was not executed because the batch was cancelled.' },
        },
      },
      {
        batchId: 'batch_1',
        customId: 'b',
        requestId: 'batch_1-9',
        succeeded: false,
        result: {
          id: 'batch_req_batch_1-9',
          custom_id: 'b',
          response: null,
          error: { code: 'batch_cancelled', message: 'This request was not executed because the batch was cancelled.' },
        },
      },
    ]);
  });

  it("fails an expired batch's lines as batch_expired", () => {
    const [first] = unrunResults({ id: 'batch_1', status: 'in_progress' }, unrun);
    expect(first.result).toEqual({
      id: 'batch_req_batch_1-3',
      custom_id: 'a',
      response: null,
      error: { code: 'batch_expired', message: 'This request could not be executed before the completion window expired.' },
    });
  });
});
