import type { AnthropicFileView, FileView, OpenAiFileList, StoredFile, StoredFilePage } from '@switchyard/contracts';

/** The two public shapes of a stored file: OpenAI's file object and Anthropic's file metadata. */
export function openAiFile(f: StoredFile): FileView {
  return {
    id: f.id,
    object: 'file',
    bytes: f.bytes,
    created_at: f.createdAt,
    expires_at: f.expiresAt,
    filename: f.filename,
    purpose: f.purpose,
    status: 'processed',
    status_details: null,
  };
}

export function openAiFileList(page: StoredFilePage): OpenAiFileList {
  const data = page.data.map(openAiFile);
  return { object: 'list', data, first_id: data[0]?.id ?? null, last_id: data[data.length - 1]?.id ?? null, has_more: page.hasMore };
}

/** Files a caller uploads are not downloadable through Anthropic's API; neither are they here in that mode. */
export function anthropicFile(f: StoredFile): AnthropicFileView {
  return {
    id: f.id,
    type: 'file',
    filename: f.filename,
    mime_type: f.mediaType,
    size_bytes: f.bytes,
    created_at: new Date(f.createdAt * 1000).toISOString(),
    downloadable: false,
  };
}

/**
 * Both generations of Anthropic pagination: `first_id`/`last_id`/`has_more` (paged with `after_id`
 * and `before_id`) and the opaque `next_page` token (sent back as `page`), which is the last id.
 */
export function anthropicFileList(page: StoredFilePage) {
  const data = page.data.map(anthropicFile);
  const lastId = data[data.length - 1]?.id ?? null;
  return { data, first_id: data[0]?.id ?? null, last_id: lastId, has_more: page.hasMore, next_page: page.hasMore ? lastId : null };
}
