import { existsSync } from 'fs';
import { readFile, stat } from 'fs/promises';
import { dirname, join } from 'path';
import { ServedFile, servedFile } from '../docs/served-file';

/**
 * The console page's Content-Security-Policy: its script and styles only from this origin (the build
 * emits no inline script), requests only to this gateway (the API, same origin, session cookie);
 * nothing else loads, no form posts anywhere, no other site may frame it.
 */
export const CONSOLE_PAGE_CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

/** The types of the files Vite emits into `assets/`; a name with any other ending is not served. */
const ASSET_TYPES = new Map<string, string>([
  ['.js', 'text/javascript; charset=utf-8'],
  ['.css', 'text/css; charset=utf-8'],
  ['.svg', 'image/svg+xml'],
  ['.png', 'image/png'],
  ['.woff2', 'font/woff2'],
]);

/** A name Vite gives a built file: letters, digits, `-`, `_`, dots inside, and a known type. No path, no dot file. */
const ASSET_NAME = /^[A-Za-z0-9_-][A-Za-z0-9_.-]*$/;

/**
 * The built console (`npm run build` → dist/console, see apps/console/vite.config.mts): found from the
 * repository's root, the nearest folder above this file with a package.json, whether this runs from
 * dist/ or from the sources (tests).
 */
export function builtConsoleDir(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) return join(from, 'console');
    dir = parent;
  }
  return join(dir, 'dist', 'console');
}

export class ConsoleNotBuilt extends Error {
  constructor(dir: string) {
    super(`The console is not built (no ${join(dir, 'index.html')}): \`npm run build\` builds it.`);
  }
}

/**
 * The console's files: `index.html` (revalidated on every visit: it names the current hashed
 * assets, and is read again when a new build replaced it) and the hashed assets (the same name is
 * always the same bytes, so kept in memory once read and cached by browsers for good).
 */
export class ConsoleFiles {
  private page: { mtimeMs: number; file: ServedFile } | null = null;
  private readonly assets = new Map<string, Promise<ServedFile | null>>();

  constructor(readonly dir: string = builtConsoleDir()) {}

  async index(): Promise<ServedFile> {
    const path = join(this.dir, 'index.html');
    const info = await stat(path).catch(() => null);
    if (!info) throw new ConsoleNotBuilt(this.dir);
    if (this.page?.mtimeMs !== info.mtimeMs) {
      const file = servedFile(await readFile(path), {
        'content-type': 'text/html; charset=utf-8',
        'cache-control': 'no-cache',
        'content-security-policy': CONSOLE_PAGE_CSP,
        'referrer-policy': 'no-referrer',
      });
      this.page = { mtimeMs: info.mtimeMs, file };
    }
    return this.page.file;
  }

  /** An asset by its name, or null when there is no such built file (or the name is not one Vite gives). */
  asset(name: string): Promise<ServedFile | null> {
    const type = ASSET_TYPES.get(name.slice(name.lastIndexOf('.')));
    if (!ASSET_NAME.test(name) || name.includes('..') || type === undefined) return Promise.resolve(null);
    let file = this.assets.get(name);
    if (!file) {
      file = readFile(join(this.dir, 'assets', name)).then(
        (body) => servedFile(body, { 'content-type': type, 'cache-control': 'public, max-age=31536000, immutable' }),
        () => null,
      );
      // a missing file is looked for again next time (a build may land while the gateway runs)
      void file.then((found) => found ?? this.assets.delete(name));
      this.assets.set(name, file);
    }
    return file;
  }
}
