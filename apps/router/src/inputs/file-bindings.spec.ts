import { withUpstreamFileIds } from './file-bindings';

describe('file references in a request body', () => {
  const body = {
    model: 'm',
    messages: [
      {
        role: 'user',
        content: [
          { type: 'document', source: { type: 'file', file_id: 'file_a' } },
          { type: 'text', text: 'file_id is just text here' },
        ],
      },
      { role: 'user', content: [{ type: 'file', file: { file_id: 'file_b' } }] },
    ],
    images: [{ file_id: 'file_a' }, { image_url: 'https://x/y.png' }],
    tools: [{ type: 'code_interpreter', container: { type: 'auto', file_ids: ['file_a', 'file_b'] } }],
  };

  it("swaps our ids for the provider's and keeps everything else", () => {
    const swapped = withUpstreamFileIds(
      body,
      new Map([
        ['file_a', 'file_up_1'],
        ['file_b', null],
      ]),
    );
    expect(swapped.messages[0].content[0].source).toEqual({ type: 'file', file_id: 'file_up_1' });
    expect(swapped.messages[0].content[1].text).toBe('file_id is just text here');
    expect(swapped.messages[1].content[0].file.file_id).toBe('file_b');
    expect(swapped.images).toEqual([{ file_id: 'file_up_1' }, { image_url: 'https://x/y.png' }]);
    expect(swapped.tools[0].container.file_ids).toEqual(['file_up_1', 'file_b']);
    expect(body.images[0].file_id).toBe('file_a');
  });
});
