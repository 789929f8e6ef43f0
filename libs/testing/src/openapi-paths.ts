/**
 * One segment of an OpenAPI path template: all literal (`files`), all one parameter (`{file_id}`),
 * or a parameter with literal text around it (Gemini's `{model}:generateContent`). A parameter the
 * document marks as spanning segments (a model id with its slashes sent as they are) takes one or more.
 */
interface TemplateSegment {
  matches(segment: string): boolean;
  /** 2 literal, 1 mixed, 0 parameter, -1 spanning: a request path is served by the template with the most literal segments, left first */
  rank: number;
  spans: boolean;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function templateSegment(text: string, spanning: ReadonlySet<string>): TemplateSegment {
  const parts = text.split(/(\{[^}]+\})/).filter(Boolean);
  const literal = parts.every((part) => !part.startsWith('{'));
  if (literal) return { matches: (segment) => segment === text, rank: 2, spans: false };
  if (parts.length === 1 && spanning.has(text.slice(1, -1))) return { matches: (segment) => segment !== '', rank: -1, spans: true };
  // a parameter takes at least one character of the segment; segments are split before decoding, so `%2F` stays inside one
  const pattern = new RegExp(`^${parts.map((part) => (part.startsWith('{') ? '(.+)' : escapeRegExp(part))).join('')}$`);
  return { matches: (segment) => pattern.test(segment), rank: parts.length === 1 ? 0 : 1, spans: false };
}

/** Whether the template's segments fit the path's, a spanning one taking one or more. */
function fits(template: TemplateSegment[], path: string[]): boolean {
  if (template.length === 0) return path.length === 0;
  const [first, ...rest] = template;
  if (!first.spans) return path.length > 0 && first.matches(path[0]) && fits(rest, path.slice(1));
  for (let taken = 1; taken <= path.length - rest.length; taken++) {
    if (first.matches(path.slice(0, taken).join('/')) && fits(rest, path.slice(taken))) return true;
  }
  return false;
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Compares two templates' ranks: the more literal one (segment by segment, left first) comes first, then the longer. */
function moreLiteralFirst(a: number[], b: number[]): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return b[i] - a[i];
  return b.length - a.length;
}

/** The path templates of an OpenAPI document, and which of them serve a concrete request path. */
export class PathTemplates {
  private readonly templates: { template: string; segments: TemplateSegment[]; ranks: number[] }[];

  /** `spanning`: per template, the path parameters whose values may hold unencoded slashes */
  constructor(templates: string[], spanning: ReadonlyMap<string, ReadonlySet<string>> = new Map()) {
    this.templates = templates.map((template) => {
      const segments = template.split('/').map((text) => templateSegment(text, spanning.get(template) ?? new Set()));
      return { template, segments, ranks: segments.map((s) => s.rank) };
    });
  }

  /** Every template the path (without its query) fits, the most literal first. */
  matching(path: string): string[] {
    const segments = path.split('/').map(decodeSegment);
    return this.templates
      .filter((t) => fits(t.segments, segments))
      .sort((a, b) => moreLiteralFirst(a.ranks, b.ranks))
      .map((t) => t.template);
  }
}
