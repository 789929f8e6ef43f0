import { parseByteRange } from './byte-range';

describe('parseByteRange', () => {
  it.each([
    [undefined, 10, { kind: 'whole' }],
    ['bytes=0-3', 10, { kind: 'partial', start: 0, end: 3 }],
    ['bytes=5-', 10, { kind: 'partial', start: 5, end: 9 }],
    ['bytes=-4', 10, { kind: 'partial', start: 6, end: 9 }],
    ['bytes=-40', 10, { kind: 'partial', start: 0, end: 9 }],
    ['bytes=8-100', 10, { kind: 'partial', start: 8, end: 9 }],
    ['bytes=10-', 10, { kind: 'unsatisfiable' }],
    ['bytes=5-2', 10, { kind: 'unsatisfiable' }],
    ['bytes=0-1,4-5', 10, { kind: 'whole' }],
    ['items=0-1', 10, { kind: 'whole' }],
    ['bytes=0-0', 0, { kind: 'unsatisfiable' }],
  ] as const)('%s of %d bytes', (header, size, expected) => {
    expect(parseByteRange(header, size)).toEqual(expected);
  });
});
