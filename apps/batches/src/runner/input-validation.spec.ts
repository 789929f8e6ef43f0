import { InputValidation } from './input-validation';

const batch = { id: 'batch_1', endpoint: '/v1/chat/completions' };

function line(customId: string, body: Record<string, unknown>, overrides: Record<string, unknown> = {}): string {
  return JSON.stringify({ custom_id: customId, method: 'POST', url: '/v1/chat/completions', body, ...overrides });
}

/** Feeds the file in pieces of `size` bytes, stopping where validation stops, as the validator reads it. */
function validate(text: string, size = 7): InputValidation {
  const input = new InputValidation(batch, 1000);
  const bytes = Buffer.from(text);
  for (let i = 0; i < bytes.length && !input.stopped; i += size) input.push(bytes.subarray(i, i + size));
  return input;
}

const hello = { model: 'gpt-a', messages: [{ role: 'user', content: 'hello' }], max_tokens: 10 };

describe('InputValidation (a batch input file becoming lines)', () => {
  it("accepts every line in file order, whatever the pieces it arrives in, with the first line's model", () => {
    const input = validate([line('a', hello), line('b', { ...hello, model: 'gpt-b' }), line('c', hello)].join('\n') + '\n');
    expect(input.stopped).toBe(false);
    expect(input.errors()).toBeNull();
    expect(input.requests).toBe(3);
    expect(input.model).toBe('gpt-a');
    const lines = input.takePending();
    expect(lines.map((l) => [l.batchId, l.customId, l.lineNo])).toEqual([
      ['batch_1', 'a', 1],
      ['batch_1', 'b', 2],
      ['batch_1', 'c', 3],
    ]);
    expect(lines[1].request).toEqual({ body: { ...hello, model: 'gpt-b' } });
    expect(input.pendingCount).toBe(0);
    expect(input.takePending()).toEqual([]);
  });

  it('sums the worst case per model', () => {
    const input = validate([line('a', hello), line('b', { ...hello, max_tokens: 30 }), line('c', { ...hello, model: 'gpt-b' })].join('\n'));
    expect(input.errors()).toBeNull();
    const a = input.worstCase.get('gpt-a')!;
    const b = input.worstCase.get('gpt-b')!;
    expect([...input.worstCase.keys()]).toEqual(['gpt-a', 'gpt-b']);
    expect(a.completionTokens).toBe(40);
    expect(b.completionTokens).toBe(10);
    expect(a.promptTokens).toBe(2 * b.promptTokens);
    expect(b.promptTokens).toBeGreaterThan(0);
  });

  it('fails on the first line that breaks a rule of the endpoint, naming it, and stops there', () => {
    const input = validate(
      [line('a', hello), line('b', hello, { url: '/v1/embeddings' }), line('c', { ...hello, stream: true })].join('\n'),
      1000,
    );
    expect(input.stopped).toBe(true);
    expect(input.errors()).toEqual([
      {
        code: 'invalid_url',
        message: 'Line 2: url /v1/embeddings does not match the batch endpoint /v1/chat/completions',
        param: 'url',
        line: 2,
      },
    ]);
    expect(input.takePending().map((l) => l.customId)).toEqual(['a']);
  });

  it('fails a file that is not valid JSONL with the line and why', () => {
    const input = validate(`${line('a', hello)}\n{not json\n${line('c', hello)}\n`);
    expect(input.stopped).toBe(true);
    expect(input.errors()).toEqual([{ code: 'invalid_json_line', message: 'Line 2: not valid JSON', param: null, line: 2 }]);
  });

  it('finds a problem only the end of the file shows (an empty file)', () => {
    const input = validate('');
    expect(input.stopped).toBe(false);
    expect(input.errors()).toEqual([{ code: 'empty_file', message: 'Line 1: the file has no requests', param: null, line: 1 }]);
  });

  it('counts a last line without a newline', () => {
    const input = validate(`${line('a', hello)}\n${line('b', hello)}`);
    expect(input.takePending()).toHaveLength(1);
    expect(input.errors()).toBeNull();
    expect(input.requests).toBe(2);
    expect(input.takePending().map((l) => l.customId)).toEqual(['b']);
  });
});
