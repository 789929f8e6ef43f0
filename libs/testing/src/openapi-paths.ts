/**
 * One segment of an OpenAPI path template: all literal (`files`), all one parameter (`{file_id}`),
 * or a parameter with literal text around it (Gemini's `{model}:generateContent`).
 */
interface TemplateSegment {
  matches(segment: string): boolean;
  /** 2 literal, 1 mixed, 0 parameter: a request path is served by the template with the most literal segments, left first */
  rank: number;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

function templateSegment(text: string): TemplateSegment {
  const parts = text.split(/(\{[^}]+\})/).filter(Boolean);
  const literal = parts.every((part) => !part.startsWith('{'));
  if (literal) return { matches: (segment) => segment === text, rank: 2 };
  // a parameter takes at least one character of the segment; segments are split before decoding, so `%2F` stays inside one
  const pattern = new RegExp(`^${parts.map((part) => (part.startsWith('{') ? '(.+)' : escapeRegExp(part))).join('')}$`);
  return { matches: (segment) => pattern.test(segment), rank: parts.length === 1 ? 0 : 1 };
}

function decodeSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** Compares two templates' ranks: the more literal one (segment by segment, left first) comes first. */
function moreLiteralFirst(a: number[], b: number[]): number {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return b[i] - a[i];
  return 0;
}

/** The path templates of an OpenAPI document, and which of them serve a concrete request path. */
export class PathTemplates {
  private readonly templates: { template: string; segments: TemplateSegment[]; ranks: number[] }[];

  constructor(templates: string[]) {
    this.templates = templates.map((template) => {
      const segments = template.split('/').map(templateSegment);
      return { template, segments, ranks: segments.map((s) => s.rank) };
    });
  }

  /** Every template the path (without its query) fits, the most literal first. */
  matching(path: string): string[] {
    const segments = path.split('/').map(decodeSegment);
    return this.templates
      .filter((t) => t.segments.length === segments.length && t.segments.every((s, i) => s.matches(segments[i])))
      .sort((a, b) => moreLiteralFirst(a.ranks, b.ranks))
      .map((t) => t.template);
  }
}
