/**
 * What a PromQL expression names: each series selector (metric name and the labels its matchers use)
 * and each grouping clause (`by`, `without`, `on`, `ignoring`, `group_left`, `group_right`) with the
 * metrics it groups. Enough of PromQL's grammar to check dashboards and alert rules against the
 * metric catalog; whether the expression parses at all is Prometheus's to say.
 */
export interface SelectorReference {
  metric: string;
  labels: string[];
}

export interface GroupingReference {
  clause: string;
  labels: string[];
  /** the metrics whose series the clause groups */
  metrics: string[];
}

export interface PromqlReferences {
  selectors: SelectorReference[];
  groupings: GroupingReference[];
}

const AGGREGATORS = new Set([
  'sum',
  'min',
  'max',
  'avg',
  'group',
  'stddev',
  'stdvar',
  'count',
  'count_values',
  'bottomk',
  'topk',
  'quantile',
]);
const FUNCTIONS = new Set(
  (
    'abs absent absent_over_time avg_over_time ceil changes clamp clamp_max clamp_min count_over_time day_of_month day_of_week ' +
    'day_of_year days_in_month delta deriv exp floor histogram_quantile holt_winters hour idelta increase irate label_join ' +
    'label_replace last_over_time ln log10 log2 max_over_time min_over_time minute month predict_linear present_over_time ' +
    'quantile_over_time rate resets round scalar sgn sort sort_desc sqrt stddev_over_time stdvar_over_time sum_over_time time ' +
    'timestamp vector year'
  ).split(' '),
);
const GROUPING = new Set(['by', 'without']);
const MATCHING = new Set(['on', 'ignoring', 'group_left', 'group_right']);
const KEYWORDS = new Set(['bool', 'and', 'or', 'unless', 'offset', 'inf', 'nan']);

type Token = { kind: 'ident' | 'string' | 'number' | 'punct' | 'op' | 'range'; text: string };

const TOKEN_RULES: [Token['kind'] | 'skip', RegExp][] = [
  ['skip', /^(\s+|#[^\n]*)/],
  ['string', /^("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)/],
  ['range', /^\[[^\]]*\]/],
  ['number', /^(\d+(ms|[smhdwy])(\d+(ms|[smhdwy]))*\b|0x[0-9a-f]+|(\d+\.?\d*|\.\d+)(e[+-]?\d+)?)/i],
  ['ident', /^[a-zA-Z_:][a-zA-Z0-9_:]*/],
  ['punct', /^[(){},]/],
  ['op', /^(=~|!~|!=|==|>=|<=|[-+*/%^=<>@])/],
];

function tokenize(expr: string): Token[] {
  const tokens: Token[] = [];
  let rest = expr;
  while (rest.length) {
    const rule = TOKEN_RULES.find(([, pattern]) => pattern.test(rest));
    if (!rule) throw new Error(`cannot read PromQL at "${rest.slice(0, 20)}" in ${expr}`);
    const text = rule[1].exec(rest)![0];
    if (rule[0] !== 'skip') tokens.push({ kind: rule[0], text });
    rest = rest.slice(text.length);
  }
  return tokens;
}

const unquote = (text: string) => text.slice(1, -1);

interface Frame {
  metrics: string[];
  /** a `by`/`without` written before the aggregation's parentheses */
  grouping: { clause: string; labels: string[] } | null;
  /** the parentheses of an aggregation, which may have its `by`/`without` after them */
  aggregation: boolean;
}

export function promqlReferences(expr: string): PromqlReferences {
  const tokens = tokenize(expr);
  const selectors: SelectorReference[] = [];
  const groupings: GroupingReference[] = [];
  const matchings: { clause: string; labels: string[] }[] = [];
  const frames: Frame[] = [{ metrics: [], grouping: null, aggregation: false }];
  let i = 0;
  const peek = (offset = 0) => tokens[i + offset];
  const expect = (text: string) => {
    if (peek()?.text !== text) throw new Error(`expected "${text}" at token ${i} of ${expr}`);
    i++;
  };
  /** `( label, label )` */
  const labelList = (): string[] => {
    expect('(');
    const labels: string[] = [];
    while (peek()?.text !== ')') {
      const token = tokens[i++];
      if (!token) throw new Error(`unclosed label list in ${expr}`);
      if (token.kind === 'ident') labels.push(token.text);
      else if (token.text !== ',') throw new Error(`unexpected "${token.text}" in a label list of ${expr}`);
    }
    i++;
    return labels;
  };
  /** `{ label op "value", ... }`: the labels and the `__name__` value if any */
  const matchers = (): { labels: string[]; name: string | null } => {
    expect('{');
    const labels: string[] = [];
    let name: string | null = null;
    while (peek()?.text !== '}') {
      const label = tokens[i++];
      if (label?.text === ',') continue;
      const op = tokens[i++];
      const value = tokens[i++];
      if (label?.kind !== 'ident' || op?.kind !== 'op' || value?.kind !== 'string') throw new Error(`unreadable matcher in ${expr}`);
      if (label.text === '__name__') name = unquote(value.text);
      else labels.push(label.text);
    }
    i++;
    return { labels, name };
  };
  const select = (metric: string, labels: string[]) => {
    selectors.push({ metric, labels });
    frames.at(-1)!.metrics.push(metric);
  };

  while (i < tokens.length) {
    const token = peek();
    const next = peek(1);
    if (token.kind === 'ident') {
      const word = token.text;
      if (AGGREGATORS.has(word) && (next?.text === '(' || GROUPING.has(next?.text ?? ''))) {
        i++;
        let grouping: Frame['grouping'] = null;
        if (GROUPING.has(peek().text)) {
          const clause = tokens[i++].text;
          grouping = { clause, labels: labelList() };
        }
        expect('(');
        frames.push({ metrics: [], grouping, aggregation: true });
      } else if (MATCHING.has(word)) {
        i++;
        // group_left / group_right may stand without a label list
        matchings.push({ clause: word, labels: peek()?.text === '(' ? labelList() : [] });
      } else if (KEYWORDS.has(word.toLowerCase()) || GROUPING.has(word)) {
        i++;
      } else if (next?.text === '(') {
        if (!FUNCTIONS.has(word)) throw new Error(`unknown function ${word} in ${expr}`);
        i += 2;
        frames.push({ metrics: [], grouping: null, aggregation: false });
      } else {
        i++;
        select(word, peek()?.text === '{' ? matchers().labels : []);
      }
    } else if (token.text === '{') {
      const { labels, name } = matchers();
      if (!name) throw new Error(`a selector without a metric name in ${expr}`);
      select(name, labels);
    } else if (token.text === '(') {
      i++;
      frames.push({ metrics: [], grouping: null, aggregation: false });
    } else if (token.text === ')') {
      i++;
      const frame = frames.pop()!;
      if (!frames.length) throw new Error(`unbalanced ")" in ${expr}`);
      frames.at(-1)!.metrics.push(...frame.metrics);
      if (frame.grouping) groupings.push({ ...frame.grouping, metrics: frame.metrics });
      if (frame.aggregation && GROUPING.has(peek()?.text ?? '')) {
        const clause = tokens[i++].text;
        groupings.push({ clause, labels: labelList(), metrics: frame.metrics });
      }
    } else {
      i++;
    }
  }
  if (frames.length !== 1) throw new Error(`unbalanced "(" in ${expr}`);
  // a vector matching clause joins both sides of its operator: every metric of the expression
  for (const matching of matchings) groupings.push({ ...matching, metrics: frames[0].metrics });
  return { selectors, groupings };
}
