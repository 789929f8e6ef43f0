/**
 * The output limit of a generation request: the one number the hold is computed from and the one
 * limit the upstream receives. A caller may spell a limit several ways (`max_tokens` beside
 * `max_completion_tokens`, or `max_tokens` beside Gemini's `generationConfig.maxOutputTokens`);
 * holding one spelling while another reaches the upstream let a small hold buy a large answer.
 * So the limit is the largest the caller's own format gives (the default when none), and the body
 * sent on carries exactly that limit under one name, every other spelling removed.
 */

type Body = Record<string, unknown>;

/** Where each format keeps its output limit; the first field is the one a default is written to. */
const LIMIT_FIELDS: Record<string, readonly string[]> = {
  // max_completion_tokens first: OpenAI's reasoning models refuse max_tokens
  '/v1/chat/completions': ['max_completion_tokens', 'max_tokens'],
  '/v1/completions': ['max_tokens'],
  '/v1/responses': ['max_output_tokens'],
  '/v1/messages': ['max_tokens'],
  '/v1beta/models:generateContent': ['generationConfig.maxOutputTokens'],
};

/** Every spelling of an output limit in any format: none but the caller format's own may reach an upstream. */
const ALL_LIMIT_FIELDS = [...new Set(Object.values(LIMIT_FIELDS).flat())];

/** Fields that multiply the output: each choice / candidate is generated in full (`best_of` server-side). */
const CHOICE_FIELDS = ['n', 'best_of', 'generationConfig.candidateCount'];

const isPlainObject = (value: unknown): value is Body => typeof value === 'object' && value !== null && !Array.isArray(value);

function read(body: Body, path: string): unknown {
  const [head, tail] = path.split('.');
  if (tail === undefined) return body[head];
  const inner = body[head];
  return isPlainObject(inner) ? inner[tail] : undefined;
}

const positiveInteger = (value: unknown): number | null =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0 ? value : null;

/** True for the endpoints whose answers are priced by output tokens under a caller-set limit. */
export function hasOutputLimit(endpoint: string): boolean {
  return Object.prototype.hasOwnProperty.call(LIMIT_FIELDS, endpoint);
}

/** The limit the request will run with: the largest its format's own fields give, else the default. */
export function outputLimitOf(endpoint: string, body: Body, defaultMaxOutputTokens: number): number {
  const asked = (LIMIT_FIELDS[endpoint] ?? []).map((field) => positiveInteger(read(body, field))).filter((v): v is number => v !== null);
  return asked.length > 0 ? Math.max(...asked) : defaultMaxOutputTokens;
}

/**
 * How many answers are generated in full: the largest of `n`, `best_of` and Gemini's
 * `candidateCount`, whichever the format (an upstream that ignores one costs nothing extra). A
 * numeric string counts as its number, since an upstream may read it so.
 */
export function choiceCountOf(body: Body): number {
  let count = 1;
  for (const field of CHOICE_FIELDS) {
    const raw = read(body, field);
    const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : raw;
    if (typeof value === 'number' && Number.isFinite(value) && value > count) count = Math.ceil(value);
  }
  return count;
}

/**
 * The body as it is sent upstream: exactly one output limit, `outputLimitOf` (what the hold was
 * computed for), under its format's own name (the caller's largest spelling keeps its name), every
 * other spelling removed. Other endpoints are returned as they are.
 */
export function withOutputLimit(endpoint: string, body: Body, defaultMaxOutputTokens: number): Body {
  const own = LIMIT_FIELDS[endpoint];
  if (!own) return body;
  const limit = outputLimitOf(endpoint, body, defaultMaxOutputTokens);
  const largest = own.find((field) => positiveInteger(read(body, field)) === limit) ?? own[0];
  const out: Body = { ...body };
  for (const field of ALL_LIMIT_FIELDS) {
    const [head, tail] = field.split('.');
    if (tail === undefined) delete out[head];
    else if (isPlainObject(out[head])) out[head] = withoutKey(out[head], tail);
  }
  const [head, tail] = largest.split('.');
  if (tail === undefined) out[head] = limit;
  // a generationConfig that is not an object would lose the limit in translation: it is replaced
  else out[head] = { ...(isPlainObject(out[head]) ? out[head] : {}), [tail]: limit };
  return out;
}

function withoutKey(object: Body, key: string): Body {
  if (!(key in object)) return object;
  const copy = { ...object };
  delete copy[key];
  return copy;
}
