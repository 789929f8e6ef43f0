import { existsSync, readFileSync, statSync } from 'fs';
import { join } from 'path';

// docs/architecture.md's code map names `file:symbol` for every hop; a newcomer follows it, so every
// file it names must exist and hold the symbols it names.
const root = join(__dirname, '..', '..', '..');

function codeMapSection(): string {
  const doc = readFileSync(join(root, 'docs', 'architecture.md'), 'utf8');
  const start = doc.indexOf('\n## Code map\n');
  if (start < 0) throw new Error('docs/architecture.md has no "## Code map" section');
  const end = doc.indexOf('\n## ', start + 1);
  return doc.slice(start, end < 0 ? undefined : end);
}

interface Reference {
  text: string;
  path: string;
  symbols: string[];
}

/**
 * `gateway/src/x.ts:Cls.method` is apps/gateway/src/x.ts holding Cls and method (or libs/…); a path
 * without `<name>/src/` (`auth/rate-leases.ts`) is inside the last `<name>/src` named before it.
 */
function references(section: string): Reference[] {
  const found: Reference[] = [];
  let base = root;
  for (const [, text] of section.matchAll(/`([\w.-]+\/[\w./-]*(?::[\w.]+)?)`/g)) {
    const [file, symbol] = text.split(':');
    const top = /^([\w-]+)\/src\//.exec(file);
    let path = join(base, file);
    if (top) {
      const owner = ['apps', 'libs'].find((dir) => existsSync(join(root, dir, top[1], 'src'))) ?? 'apps';
      base = join(root, owner, top[1], 'src');
      path = join(root, owner, file);
    }
    found.push({ text, path, symbols: symbol ? symbol.split('.') : [] });
  }
  return found;
}

describe("architecture.md's code map", () => {
  const refs = references(codeMapSection());

  it('names files (the scan itself works)', () => {
    expect(refs.length).toBeGreaterThan(40);
    expect(refs.map((r) => r.text)).toContain('router/src/execution/failover-loop.ts:FailoverLoop.firstAnswer');
  });

  it('names only files that exist', () => {
    expect(refs.filter((r) => !existsSync(r.path)).map((r) => r.text)).toEqual([]);
  });

  it('names only symbols those files hold', () => {
    const missing = refs
      .filter((r) => existsSync(r.path) && statSync(r.path).isFile())
      .filter((r) => {
        const source = readFileSync(r.path, 'utf8');
        return r.symbols.some((symbol) => !new RegExp(`\\b${symbol}\\b`).test(source));
      })
      .map((r) => r.text);
    expect(missing).toEqual([]);
  });
});
