import { jsonlChunks, resultFile } from './result-files';

async function* pagesOf<T>(...pages: T[][]): AsyncGenerator<T[]> {
  for (const page of pages) yield page;
}

async function collect(chunks: AsyncIterable<Buffer>): Promise<string[]> {
  const out: string[] = [];
  for await (const chunk of chunks) out.push(chunk.toString());
  return out;
}

describe("resultFile (names of a batch's output and error files)", () => {
  it('derives the ids from the batch id, so registering again finds the same file', () => {
    const batch = { id: 'batch_abc', ownerUserId: 'user_1' };
    expect(resultFile(batch, 'succeeded')).toEqual({
      fileId: 'file-abcout',
      objectKey: 'files/user_1/file-abcout',
      filename: 'batch_abc_output.jsonl',
    });
    expect(resultFile(batch, 'failed')).toEqual({
      fileId: 'file-abcerr',
      objectKey: 'files/user_1/file-abcerr',
      filename: 'batch_abc_error.jsonl',
    });
  });
});

describe('jsonlChunks', () => {
  it('writes one JSON line per result, in order, at most 250 lines a chunk', async () => {
    const rows = (from: number, n: number) => Array.from({ length: n }, (_, i) => ({ result: { n: from + i } }));
    const chunks = await collect(jsonlChunks(pagesOf(rows(0, 600), rows(600, 3))));
    expect(chunks.map((c) => c.split('\n').length - 1)).toEqual([250, 250, 100, 3]);
    expect(chunks.every((c) => c.endsWith('\n'))).toBe(true);
    expect(
      chunks
        .join('')
        .trim()
        .split('\n')
        .map((l) => JSON.parse(l).n),
    ).toEqual(Array.from({ length: 603 }, (_, i) => i));
  });

  it('writes nothing when there are no pages', async () => {
    expect(await collect(jsonlChunks(pagesOf()))).toEqual([]);
  });
});
