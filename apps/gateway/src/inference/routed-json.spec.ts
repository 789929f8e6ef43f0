import { RoutingInfo } from '@switchyard/contracts';
import { withRoutingSpliced } from './routed-json';

const routing: RoutingInfo = {
  channel: { id: 'ch_1', name: 'main "east"', provider: 'openai', channelType: 'PLATFORM' },
  cached: false,
  retryCount: 0,
  attempts: [],
} as unknown as RoutingInfo;

/** The spliced text parses to what the gateway sent before: the answer with `_routing` last. */
function expectSameAnswer(raw: string): string {
  const spliced = withRoutingSpliced(raw, routing);
  expect(spliced).not.toBeNull();
  expect(JSON.stringify(JSON.parse(spliced!))).toBe(JSON.stringify({ ...JSON.parse(raw), _routing: routing }));
  return spliced!;
}

describe('withRoutingSpliced', () => {
  it('adds _routing as the last member without touching the rest', () => {
    const raw = '{"id":"c1","usage":{"prompt_tokens":3,"cost":0.1}}';
    expect(expectSameAnswer(raw)).toBe(`{"id":"c1","usage":{"prompt_tokens":3,"cost":0.1},"_routing":${JSON.stringify(routing)}}`);
  });

  it('keeps inner whitespace and drops what trails the object (a newline)', () => {
    const spliced = expectSameAnswer('\n{\n  "id": "c1",\n  "nested": { "a": [ {} ] }\n}\n\n');
    expect(spliced.startsWith('{\n  "id": "c1"')).toBe(true);
    expect(spliced.endsWith('}}')).toBe(true);
  });

  it('splices into an empty object without a separator', () => {
    expect(expectSameAnswer('{ }')).toBe(`{ "_routing":${JSON.stringify(routing)}}`);
    expectSameAnswer('{}');
  });

  it('answers null for text that is not an object (the caller falls back to parsing)', () => {
    for (const raw of ['[{"a":1}]', '"{}"', '42', '', '   ', '{', '}']) expect(withRoutingSpliced(raw, routing)).toBeNull();
  });
});
