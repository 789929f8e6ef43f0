import { describe, expect, it } from 'vitest';
import { mappingText, parseMapping, parseModels } from './channel-form';

describe('channel form parsing', () => {
  it('reads models separated by commas, spaces or lines, once each', () => {
    expect(parseModels(' gpt-4o, gpt-4o-mini\nclaude  gpt-4o ')).toEqual(['gpt-4o', 'gpt-4o-mini', 'claude']);
    expect(parseModels('')).toEqual([]);
  });

  it('reads a mapping one line each and names the bad lines', () => {
    expect(parseMapping('gpt-4o=gpt-4o-2024\n\nmini -> gpt-4o-mini')).toEqual({
      mapping: { 'gpt-4o': 'gpt-4o-2024', mini: 'gpt-4o-mini' },
      errors: [],
    });
    expect(parseMapping('ok=fine\nnot a mapping').errors).toEqual(['Line 2: write it as asked=sent']);
    expect(mappingText({ a: 'b', c: 'd' })).toBe('a=b\nc=d');
  });
});
