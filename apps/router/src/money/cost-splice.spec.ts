import { topLevelMember, withCostSpliced } from './cost-splice';
import { ShownCost, withCost } from './spend';

const shown: ShownCost = { cost: 0.000123, upstreamCost: null };
const byok: ShownCost = { cost: 0.5, upstreamCost: 1.25e-7 };

/** What the caller sees from a spliced answer must be exactly what the parsed path sends. */
function expectSameAnswer(raw: string, cost: ShownCost | null): string {
  const body = JSON.parse(raw) as Record<string, unknown>;
  const spliced = withCostSpliced(raw, body, cost);
  expect(spliced).not.toBeNull();
  expect(JSON.stringify(JSON.parse(spliced!))).toBe(JSON.stringify(withCost(body, cost)));
  return spliced!;
}

describe('withCostSpliced', () => {
  it('puts cost at the end of usage, as withCost does', () => {
    const raw =
      '{"id":"c1","object":"chat.completion","choices":[{"index":0,"message":{"role":"assistant","content":"hi"}}],"usage":{"prompt_tokens":3,"completion_tokens":1,"total_tokens":4}}';
    const spliced = expectSameAnswer(raw, shown);
    expect(spliced).toBe(raw.replace('"total_tokens":4}', '"total_tokens":4,"cost":0.000123}'));
  });

  it('adds cost_details for a BYOK channel', () => {
    expectSameAnswer('{"usage":{"prompt_tokens":3},"id":"x"}', byok);
  });

  it("keeps the upstream's whitespace and a trailing newline", () => {
    const raw = '{\n  "id" : "c1",\n  "usage" : {\n    "prompt_tokens" : 3 ,\n    "completion_tokens" : 1\n  } ,\n  "choices" : [ ]\n}\n';
    const spliced = expectSameAnswer(raw, shown);
    expect(spliced.endsWith('}\n')).toBe(true);
    expect(spliced.startsWith('{\n  "id" : "c1"')).toBe(true);
  });

  it('finds the top-level usage past nested objects, arrays and strings that look like it', () => {
    const raw =
      '{"choices":[{"message":{"content":"a \\"usage\\": {} } ] in text","usage":{"fake":1}}}],"meta":{"usage":{"x":[1,{"y":"}"}]}},"usage":{"prompt_tokens":2},"tail":[true,false,null,-1.5e3]}';
    const spliced = expectSameAnswer(raw, shown);
    expect(JSON.parse(spliced).choices[0].message.usage).toEqual({ fake: 1 });
    expect(JSON.parse(spliced).meta.usage).toEqual({ x: [1, { y: '}' }] });
  });

  it('uses the last usage member when the upstream repeats it (as JSON.parse does)', () => {
    expectSameAnswer('{"usage":{"a":1},"id":"x","usage":{"prompt_tokens":9}}', shown);
  });

  it('handles an empty usage object and escaped keys', () => {
    expectSameAnswer('{"id":"x","usage":{}}', shown);
    expectSameAnswer('{"id":"x","us\\u0061ge":{"prompt_tokens":1}}', shown);
  });

  it('passes the answer on unchanged when there is no usage or no price', () => {
    const raw = '{"id":"x","data":[{"embedding":[0.1,0.2]}]}\n';
    expect(withCostSpliced(raw, JSON.parse(raw), shown)).toBe(raw);
    const priced = '{"usage":{"prompt_tokens":1}}';
    expect(withCostSpliced(priced, JSON.parse(priced), null)).toBe(priced);
    const nullUsage = '{"usage":null}';
    expect(withCostSpliced(nullUsage, JSON.parse(nullUsage), shown)).toBe(nullUsage);
  });

  it('falls back (null) where splicing would not give the same answer', () => {
    const cases = [
      '[{"usage":{"prompt_tokens":1}}]', // not an object
      '{"usage":[1,2]}', // usage is a list
      '{"usage":{"prompt_tokens":1,"cost":5}}', // the upstream's own cost would stay first
      '{"usage":{"prompt_tokens":1},"_routing":{"forged":true}}', // the gateway's member, sent by the upstream
    ];
    for (const raw of cases) expect(withCostSpliced(raw, JSON.parse(raw), shown)).toBeNull();
    expect(withCostSpliced('{"usage":{"cost_details":{}}}', { usage: { cost_details: {} } }, byok)).toBeNull();
  });
});

describe('topLevelMember', () => {
  it("spans the member's value", () => {
    const raw = ' { "a" : [1, {"b": "]"}] , "b":"x\\"y" } ';
    const a = topLevelMember(raw, 'a')!;
    expect(JSON.parse(raw.slice(a.start, a.end))).toEqual([1, { b: ']' }]);
    const b = topLevelMember(raw, 'b')!;
    expect(JSON.parse(raw.slice(b.start, b.end))).toBe('x"y');
    expect(topLevelMember(raw, 'c')).toBeNull();
    expect(topLevelMember('"usage"', 'usage')).toBeNull();
  });
});
