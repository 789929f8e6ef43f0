import { DomainError } from './domain-error';
import { nested } from './hostile-json.arbitrary';
import { ChatCompletionBody, EmbeddingsBody, ExecuteRequest, ImageEditBody } from './payloads/inference';
import { CreateUserBody, SetPriceBody } from './payloads/accounts';
import { CreateBatchBody } from './payloads/batches';
import { ListFilesRequest } from './payloads/files';
import { createValidated } from './validate';

function errorOf(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('createValidated', () => {
  it('keeps unknown fields so provider parameters pass through', () => {
    const body = createValidated(ChatCompletionBody, { model: 'm', messages: [{ role: 'user', content: 'x' }], top_k: 3 });
    expect(body.top_k).toBe(3);
  });

  it('names the missing parameter', () => {
    const err = errorOf(() => createValidated(ChatCompletionBody, { messages: [{ role: 'user' }] }));
    expect(err.code).toBe('missing_required_parameter');
    expect(err.param).toBe('model');
  });

  it('rejects wrong types with param set', () => {
    const err = errorOf(() => createValidated(ChatCompletionBody, { model: 'm', messages: [], stream: 'yes' }));
    expect(err.code).toBe('invalid_value');
    expect(['messages', 'stream']).toContain(err.param);
  });

  it('hands a pass-through field on as the very object it was given, and still checks that it is an object', () => {
    const body = { model: 'm', messages: [{ role: 'user', content: 'x' }], nested: { deep: [1, 2] } };
    const principal = { userId: 'u', keyId: 'k', role: 'user', scopes: [], rateLimit: 60 };
    const req = createValidated(ExecuteRequest, { requestId: 'r', principal, endpoint: '/v1/chat/completions', body, stream: false });
    expect(req).toBeInstanceOf(ExecuteRequest);
    expect(req.body).toBe(body);
    expect(req.principal.userId).toBe('u');
    expect(
      errorOf(() =>
        createValidated(ExecuteRequest, { requestId: 'r', principal, endpoint: '/v1/chat/completions', body: 'x', stream: false }),
      ).param,
    ).toBe('body');
  });

  it('validates embedding inputs', () => {
    expect(createValidated(EmbeddingsBody, { model: 'm', input: ['a', 'b'] }).input).toEqual(['a', 'b']);
    expect(createValidated(EmbeddingsBody, { model: 'm', input: [[1, 2], [3]] }).input).toEqual([[1, 2], [3]]);
    expect(errorOf(() => createValidated(EmbeddingsBody, { model: 'm', input: '' })).param).toBe('input');
    expect(errorOf(() => createValidated(EmbeddingsBody, { model: 'm', input: 'x', encoding_format: 'hex' })).param).toBe(
      'encoding_format',
    );
  });

  it('refuses non-objects', () => {
    expect(errorOf(() => createValidated(CreateUserBody, [])).code).toBe('invalid_value');
    expect(errorOf(() => createValidated(CreateUserBody, null)).code).toBe('invalid_value');
  });

  it('refuses money with more precision than a nano-dollar', () => {
    expect(errorOf(() => createValidated(CreateUserBody, { name: 'a', credits: 0.0000000001 })).param).toBe('credits');
    expect(createValidated(CreateUserBody, { name: 'a', credits: 12.5 }).credits).toBe(12.5);
  });
});

/** Found by validate.fuzz.spec.ts: each was a TypeError or RangeError (a 500) or an accepted malformed value. */
describe('createValidated regressions found by fuzzing', () => {
  it('regression: a chat body with content nested 20,000 arrays deep is validated (it was a RangeError, a 500)', () => {
    const content = nested(20_000, 'array');
    const body = createValidated(ChatCompletionBody, { model: 'm', messages: [{ role: 'user', content }] });
    expect(body.messages[0].content).toBe(content);
  });

  it('regression: a nested object with its own "constructor" key is validated (class-transformer threw a TypeError, a 500)', () => {
    const parameters = { type: 'object', properties: { constructor: { type: 'string' } } };
    const body = createValidated(ChatCompletionBody, {
      model: 'm',
      messages: [{ role: 'user', content: 'x', constructor: 1 }],
      tools: [{ type: 'function', function: { name: 'f', parameters } }],
    });
    expect((body.tools as { function: { parameters: unknown } }[])[0].function.parameters).toBe(parameters);
    expect(() =>
      createValidated(CreateBatchBody, {
        input_file_id: 'file-a',
        endpoint: '/v1/embeddings',
        completion_window: '24h',
        metadata: { constructor: 'x' },
      }),
    ).not.toThrow();
  });

  it('a top-level "constructor" or "__proto__" key still cannot choose the rules a value is checked by (class-transformer skipped them; so does the builder)', () => {
    const error = (() => {
      try {
        createValidated(ChatCompletionBody, JSON.parse('{"constructor":{"name":"Object"},"__proto__":{"model":"m"},"messages":[{}]}'));
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).param).toBe('model');
  });

  it('regression: an array where a nested object belongs is a validation error naming it (ImageEditBody accepted "mask": [] and "images": [[]])', () => {
    const edit = { prompt: 'hat', images: [{ file_id: 'file-a' }] };
    for (const [body, param] of [
      [{ ...edit, mask: [] }, 'mask'],
      [{ ...edit, images: [{ file_id: 'file-a' }, []] }, 'images'],
      [{ ...edit, images: [[]] }, 'images'],
    ] as const) {
      expect(() => createValidated(ImageEditBody, body)).toThrow(expect.objectContaining({ code: 'invalid_value', param }));
    }
    const execute = { requestId: 'r', endpoint: '/v1/embeddings', body: { model: 'm' }, stream: false };
    expect(() => createValidated(ExecuteRequest, { ...execute, principal: [] })).toThrow(
      expect.objectContaining({ code: 'invalid_value', param: 'principal' }),
    );
  });

  it('regression: a numeric query parameter given as an object is a validation error, not a TypeError from its toString', () => {
    expect(() => createValidated(ListFilesRequest, { ownerUserId: 'u', api: 'openai', limit: { toString: null }, order: 'asc' })).toThrow(
      DomainError,
    );
    expect(createValidated(ListFilesRequest, { ownerUserId: 'u', api: 'openai', limit: '7', order: 'asc' }).limit).toBe(7);
  });
});

describe('SetPriceBody regression found by fuzzing', () => {
  it('refuses a batch discount in exponent form with more than 6 decimal places (1e-7, 5e-324) with a validation error (class-validator threw a TypeError)', () => {
    for (const discount of [1e-7, 5e-324]) {
      expect(() => createValidated(SetPriceBody, { input_per_million: 1, output_per_million: 1, batch_discount: discount })).toThrow(
        expect.objectContaining({ code: 'invalid_value', param: 'batch_discount' }),
      );
    }
    expect(createValidated(SetPriceBody, { input_per_million: 1, output_per_million: 1, batch_discount: 1e-6 }).batch_discount).toBe(1e-6);
    expect(createValidated(SetPriceBody, { input_per_million: 1, output_per_million: 1, batch_discount: 0.123456 }).batch_discount).toBe(
      0.123456,
    );
  });
});
