/** Pure helpers of the channel forms (BYOK and PLATFORM). */

export const PROVIDERS = ['openai', 'openai-compatible', 'azure-openai', 'anthropic', 'gemini'] as const;

/** "gpt-4o, gpt-4o-mini\nclaude" → the distinct names, in order. */
export function parseModels(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[\s,]+/)
        .map((m) => m.trim())
        .filter(Boolean),
    ),
  ];
}

/**
 * A model mapping typed one per line as `asked=sent` (or `asked → sent`); the lines that are not
 * mappings are reported by number.
 */
export function parseMapping(text: string): { mapping: Record<string, string>; errors: string[] } {
  const mapping: Record<string, string> = {};
  const errors: string[] = [];
  text.split('\n').forEach((raw, i) => {
    const line = raw.trim();
    if (!line) return;
    const match = /^([^=→]+?)\s*(?:=|→|->)\s*(.+)$/.exec(line);
    if (!match) errors.push(`Line ${i + 1}: write it as asked=sent`);
    else mapping[match[1].trim()] = match[2].trim();
  });
  return { mapping, errors };
}

export function mappingText(mapping: Record<string, string>): string {
  return Object.entries(mapping)
    .map(([asked, sent]) => `${asked}=${sent}`)
    .join('\n');
}
