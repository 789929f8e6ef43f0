import { DomainError } from '@switchyard/contracts';
import { lineOutcome } from './line-executor';

const line = { batchId: 'batch_1', customId: 'req-7', requestId: 'batch_1-7' };

describe("lineOutcome (what a line's answer from the router makes of it)", () => {
  it("stores an answer as the output line, under the line's request id", () => {
    const body = { id: 'chatcmpl-1', choices: [] };
    expect(lineOutcome(line, { body }, 5000)).toEqual({
      batchId: 'batch_1',
      customId: 'req-7',
      requestId: 'batch_1-7',
      succeeded: true,
      result: { id: 'batch_req_batch_1-7', custom_id: 'req-7', response: { status_code: 200, request_id: 'batch_1-7', body }, error: null },
    });
  });

  it("stores the request's own faults as a failed line with the status and OpenAI error body", () => {
    const outcome = lineOutcome(line, { error: new DomainError('upstream_error', 'bad input', 'messages', 400) }, 5000);
    expect(outcome).toEqual({
      batchId: 'batch_1',
      customId: 'req-7',
      requestId: 'batch_1-7',
      succeeded: false,
      result: {
        id: 'batch_req_batch_1-7',
        custom_id: 'req-7',
        error: null,
        response: {
          status_code: 400,
          request_id: 'batch_1-7',
          body: { error: expect.objectContaining({ message: 'bad input', param: 'messages', code: 'upstream_error' }) },
        },
      },
    });
  });

  it('gives the line back when the failure is not its fault: after the throttling delay, or soon', () => {
    expect(lineOutcome(line, { error: new DomainError('rate_limit_exceeded', 'slow down') }, 5000)).toEqual({ retryInMs: 5000 });
    expect(lineOutcome(line, { error: new DomainError('service_unavailable', 'router down') }, 5000)).toEqual({ retryInMs: 2000 });
    expect(lineOutcome(line, { error: new Error('socket closed') }, 5000)).toEqual({ retryInMs: 2000 });
  });
});
