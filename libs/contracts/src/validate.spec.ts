import { DomainError } from './domain-error';
import { ChatCompletionBody, EmbeddingsBody, ExecuteRequest } from './payloads/inference';
import { CreateUserBody } from './payloads/accounts';
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
    expect(errorOf(() => createValidated(ExecuteRequest, { requestId: 'r', principal, endpoint: '/v1/chat/completions', body: 'x', stream: false })).param).toBe('body');
  });

  it('validates embedding inputs', () => {
    expect(createValidated(EmbeddingsBody, { model: 'm', input: ['a', 'b'] }).input).toEqual(['a', 'b']);
    expect(createValidated(EmbeddingsBody, { model: 'm', input: [[1, 2], [3]] }).input).toEqual([[1, 2], [3]]);
    expect(errorOf(() => createValidated(EmbeddingsBody, { model: 'm', input: '' })).param).toBe('input');
    expect(errorOf(() => createValidated(EmbeddingsBody, { model: 'm', input: 'x', encoding_format: 'hex' })).param).toBe('encoding_format');
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
