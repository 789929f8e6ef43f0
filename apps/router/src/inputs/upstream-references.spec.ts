import { upstreamReferencesOf } from './upstream-references';

describe('upstream object references in a request body', () => {
  it('finds every file id, whatever block of whatever API carries it, with where it was', () => {
    const refs = upstreamReferencesOf({
      model: 'm',
      messages: [
        {
          role: 'user',
          content: [
            { type: 'document', source: { type: 'file', file_id: 'file_a' } },
            { type: 'text', text: 'file_id is just text here' },
          ],
        },
        {
          role: 'user',
          content: [
            { type: 'image', source: { type: 'file', file_id: 'file_img' } },
            { type: 'container_upload', file_id: 'file_c' },
          ],
        },
        { role: 'user', content: [{ type: 'file', file: { file_id: 'file-b' } }] },
      ],
      input: [
        {
          role: 'user',
          content: [
            { type: 'input_file', file_id: 'file-d' },
            { type: 'input_image', file_id: 'file-e' },
          ],
        },
      ],
      tools: [{ type: 'code_interpreter', container: { type: 'auto', file_ids: ['file-f'] } }],
      images: [{ file_id: 'file-g' }],
      metadata: { file_id: 'just a label' },
    });
    expect(refs.files).toEqual([
      { id: 'file_a', param: 'messages[0].content[0].source.file_id' },
      { id: 'file_img', param: 'messages[1].content[0].source.file_id' },
      { id: 'file_c', param: 'messages[1].content[1].file_id' },
      { id: 'file-b', param: 'messages[2].content[0].file.file_id' },
      { id: 'file-d', param: 'input[0].content[0].file_id' },
      { id: 'file-e', param: 'input[0].content[1].file_id' },
      { id: 'file-f', param: 'tools[0].container.file_ids[0]' },
      { id: 'file-g', param: 'images[0].file_id' },
    ]);
    expect(refs.previousResponse).toBeNull();
    expect(refs.foreign).toEqual([]);
  });

  it('finds the previous response', () => {
    expect(upstreamReferencesOf({ model: 'm', previous_response_id: 'resp_1', input: 'go on' }).previousResponse).toEqual({
      id: 'resp_1',
      param: 'previous_response_id',
    });
  });

  it('names every reference to an object we never hold for callers', () => {
    const refs = upstreamReferencesOf({
      model: 'm',
      conversation: 'conv_1',
      prompt: { id: 'pmpt_1', version: '2' },
      container: 'container_1',
      input: [{ type: 'item_reference', id: 'msg_1' }],
      tools: [
        { type: 'file_search', vector_store_ids: ['vs_1'] },
        { type: 'code_interpreter', container: 'cntr_1' },
      ],
      contents: [
        { parts: [{ fileData: { fileUri: 'https://generativelanguage.googleapis.com/v1beta/files/abc', mimeType: 'application/pdf' } }] },
      ],
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'files/xyz' } }] }],
      cachedContent: 'cachedContents/1',
    });
    expect(refs.foreign).toEqual(
      expect.arrayContaining([
        { what: 'conversation', id: 'conv_1', param: 'conversation' },
        { what: 'prompt', id: 'pmpt_1', param: 'prompt.id' },
        { what: 'container', id: 'container_1', param: 'container' },
        { what: 'item', id: 'msg_1', param: 'input[0].id' },
        { what: 'vector store', id: 'vs_1', param: 'tools[0].vector_store_ids[0]' },
        { what: 'container', id: 'cntr_1', param: 'tools[1].container' },
        { what: 'file', id: 'https://generativelanguage.googleapis.com/v1beta/files/abc', param: 'contents[0].parts[0].fileData.fileUri' },
        { what: 'file', id: 'files/xyz', param: 'messages[0].content[0].image_url.url' },
        { what: 'cached content', id: 'cachedContents/1', param: 'cachedContent' },
      ]),
    );
    expect(refs.foreign).toHaveLength(9);
    expect(upstreamReferencesOf({ model: 'm', conversation: { id: 'conv_2' } }).foreign).toEqual([
      { what: 'conversation', id: 'conv_2', param: 'conversation' },
    ]);
    expect(
      upstreamReferencesOf({
        model: 'm',
        container: {
          skills: [
            { type: 'custom', skill_id: 'skill_1' },
            { type: 'anthropic', skill_id: 'pptx' },
          ],
        },
      }).foreign,
    ).toEqual([{ what: 'skill', id: 'skill_1', param: 'container.skills[0].skill_id' }]);
  });

  it('leaves ordinary requests alone', () => {
    const refs = upstreamReferencesOf({
      model: 'm',
      prompt: 'a legacy completion',
      messages: [{ role: 'user', content: [{ type: 'image_url', image_url: { url: 'https://example.com/cat.png' } }] }],
      tools: [{ type: 'function', function: { name: 'f', parameters: { type: 'object', properties: { file_id: { type: 'string' } } } } }],
    });
    expect(refs).toEqual({ files: [], previousResponse: null, foreign: [] });
  });
});
