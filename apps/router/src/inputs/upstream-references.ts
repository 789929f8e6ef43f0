/** An id in a request body, where it was (`input[0].content[1].file_id`). */
export interface Reference {
  id: string;
  param: string;
}

/** A reference to an object of a kind we never hold for callers (so none of theirs): it can only name the operator's. */
export interface ForeignReference extends Reference {
  what: string;
}

/**
 * Every id in a request body that names an object the upstream keeps in the channel's account.
 * Such an id must be the caller's (a file they uploaded, a response they created) or we would let
 * them read or use the operator's, and so other tenants', objects.
 */
export interface UpstreamReferences {
  files: Reference[];
  previousResponse: Reference | null;
  foreign: ForeignReference[];
}

/** Gemini Files API objects: `files/abc` or its full URL. */
const GEMINI_FILE = /^(files\/|https?:\/\/generativelanguage\.googleapis\.com\/)/i;

const idOf = (value: unknown): string | null => {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && typeof (value as { id?: unknown }).id === 'string') return (value as { id: string }).id;
  return null;
};

const isObject = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** Top-level parameters that name a stateful upstream object, whatever the API. */
const TOP_LEVEL: Record<string, string> = {
  conversation: 'conversation', // OpenAI Responses
  container: 'container', // Anthropic code execution, or an OpenAI container by id
  cachedContent: 'cached content', // Gemini
  cached_content: 'cached content',
};

export function upstreamReferencesOf(body: Record<string, unknown>): UpstreamReferences {
  const found: UpstreamReferences = { files: [], previousResponse: null, foreign: [] };
  const foreign = (what: string, id: string, param: string) => found.foreign.push({ what, id, param });

  if (typeof body.previous_response_id === 'string')
    found.previousResponse = { id: body.previous_response_id, param: 'previous_response_id' };
  for (const [key, what] of Object.entries(TOP_LEVEL)) {
    const id = idOf(body[key]);
    if (id !== null) foreign(what, id, key);
  }
  // OpenAI Responses reusable prompts: `prompt: {id}` (a legacy completion's prompt is text)
  if (isObject(body.prompt) && typeof body.prompt.id === 'string') foreign('prompt', body.prompt.id, 'prompt.id');

  const visit = (value: unknown, path: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}[${i}]`));
      return;
    }
    if (!isObject(value)) return;
    if (value.type === 'item_reference' && typeof value.id === 'string') foreign('item', value.id, `${path}.id`);
    // an OpenAI code interpreter tool naming an existing container
    if (value.type === 'code_interpreter' && typeof value.container === 'string')
      foreign('container', value.container, `${path}.container`);
    if (value.type === 'custom' && typeof value.skill_id === 'string') foreign('skill', value.skill_id, `${path}.skill_id`);
    for (const [key, inner] of Object.entries(value)) {
      const at = path ? `${path}.${key}` : key;
      // the caller's own key-value labels, never sent as references
      if (path === '' && key === 'metadata') continue;
      if (key === 'file_id' && typeof inner === 'string') found.files.push({ id: inner, param: at });
      else if (key === 'file_ids' && Array.isArray(inner))
        inner.forEach((id, i) => typeof id === 'string' && found.files.push({ id, param: `${at}[${i}]` }));
      else if (key === 'vector_store_ids' && Array.isArray(inner))
        inner.forEach((id, i) => typeof id === 'string' && foreign('vector store', id, `${at}[${i}]`));
      else if (['fileUri', 'file_uri', 'url', 'image_url'].includes(key) && typeof inner === 'string' && GEMINI_FILE.test(inner))
        foreign('file', inner, at);
      else visit(inner, at);
    }
  };
  visit(body, '');
  return found;
}
