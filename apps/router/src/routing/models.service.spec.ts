import { modelTypeOf } from './models.service';

describe('modelTypeOf', () => {
  it('goes by the name where providers name their models by kind, else by the routes', () => {
    expect(modelTypeOf('text-embedding-3-small', ['/v1/chat/completions', '/v1/embeddings'])).toBe('embedding');
    expect(modelTypeOf('jina-reranker-v2', ['/v1/rerank'])).toBe('rerank');
    expect(modelTypeOf('gpt-image-2', ['/v1/chat/completions', '/v1/images/edits'])).toBe('image');
    expect(modelTypeOf('my-vectors', ['/v1/embeddings'])).toBe('embedding');
    expect(modelTypeOf('painter', ['/v1/images/generations', '/v1/images/edits'])).toBe('image');
    expect(modelTypeOf('claude-sonnet', ['/v1/messages', '/v1/chat/completions'])).toBe('chat');
  });
});
