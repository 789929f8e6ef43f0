import { slices, yieldToLoop } from './yield-to-loop';

describe('slices', () => {
  it('cuts a buffer into views of at most the size, in order, nothing lost', () => {
    const parts = [...slices(Buffer.from('abcdefghij'), 4)].map((b) => b.toString());
    expect(parts).toEqual(['abcd', 'efgh', 'ij']);
  });

  it('gives nothing for an empty buffer', () => {
    expect([...slices(Buffer.alloc(0), 4)]).toEqual([]);
  });
});

describe('yieldToLoop', () => {
  it('resumes only after a turn of the event loop, not within the microtasks of the current one', async () => {
    const order: string[] = [];
    setImmediate(() => order.push('waiting callback'));
    const yielded = yieldToLoop().then(() => order.push('batch work'));
    for (let i = 0; i < 100; i++) await Promise.resolve(); // microtasks alone do not resume it
    order.push('microtasks done');
    await yielded;
    expect(order).toEqual(['microtasks done', 'waiting callback', 'batch work']);
  });
});
