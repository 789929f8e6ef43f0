import { readFileSync } from 'fs';
import { readFile } from 'fs/promises';
import { dirname, join } from 'path';
import { ServedFile, servedFile } from './served-file';

/**
 * The installed `swagger-ui-dist` package's folder, found through its package.json: requiring the
 * package itself would load its browser bundle into the gateway's process.
 */
const RENDERER_DIR = dirname(require.resolve('swagger-ui-dist/package.json'));

/** The renderer's version, stamped on its files' URLs: an upgrade changes the URLs, so a browser may keep each file for good. */
export const RENDERER_VERSION = (JSON.parse(readFileSync(join(RENDERER_DIR, 'package.json'), 'utf8')) as { version: string }).version;

/**
 * The only files of the package the gateway serves, with their types. The package holds more (its
 * demo page pointing at a public petstore, source maps, other builds, its package.json): none of it is served.
 */
const RENDERER_FILES = new Map<string, string>([
  ['swagger-ui-bundle.js', 'text/javascript; charset=utf-8'],
  ['swagger-ui.css', 'text/css; charset=utf-8'],
  ['index.css', 'text/css; charset=utf-8'],
  ['favicon-32x32.png', 'image/png'],
  ['favicon-16x16.png', 'image/png'],
]);

export const RENDERER_FILE_NAMES: readonly string[] = [...RENDERER_FILES.keys()];

/** Read on first request (the bundle is 1.7 MB: a gateway whose docs nobody opens does not hold it), then kept. */
const loaded = new Map<string, Promise<ServedFile>>();

async function load(name: string, contentType: string): Promise<ServedFile> {
  const body = await readFile(join(RENDERER_DIR, name));
  return servedFile(body, { 'content-type': contentType, 'cache-control': 'public, max-age=31536000, immutable' });
}

/** The renderer's file by its name, or null when the name is not on the list. */
export function rendererFile(name: string): Promise<ServedFile> | null {
  const contentType = RENDERER_FILES.get(name);
  if (contentType === undefined) return null;
  let file = loaded.get(name);
  if (!file) {
    file = load(name, contentType);
    // a failed read is tried again by the next request, not remembered
    file.catch(() => loaded.delete(name));
    loaded.set(name, file);
  }
  return file;
}

/** The URL the page loads a renderer file from. */
export function rendererFileUrl(name: string): string {
  return `/docs/${name}?v=${RENDERER_VERSION}`;
}
