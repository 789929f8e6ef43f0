import { readdirSync, readFileSync, statSync } from 'fs';
import { join, relative } from 'path';

// README's configuration table must list exactly the variables the start and the services read:
// the properties of every service's config class, and every variable read from the environment directly.
const root = join(__dirname, '..', '..', '..');

/** Standard variables of the platform: read or passed on, but not Switchyard's configuration. */
const PLATFORM_VARIABLES = new Set(['PATH', 'NODE_OPTIONS', 'GOMAXPROCS']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === 'node_modules' || name === 'dist' ? [] : sourceFiles(path);
    return path.endsWith('.ts') && !/\.(spec|int-spec|e2e-spec)\.ts$/.test(path) ? [path] : [];
  });
}

/** The code that runs in `npm start`: services, shared libraries but the test kit, the launcher and the one-process host. */
const runtimeFiles = [
  ...sourceFiles(join(root, 'apps')),
  ...sourceFiles(join(root, 'libs')).filter((path) => !relative(root, path).startsWith(join('libs', 'testing'))),
  ...sourceFiles(join(root, 'tools', 'launcher')),
  ...sourceFiles(join(root, 'tools', 'single-process')),
];

function configClassProperties(): Set<string> {
  const names = new Set<string>();
  const configFiles = runtimeFiles.filter((path) => path.endsWith('.config.ts') || path.endsWith(join('libs', 'config', 'src', 'service-config.ts')));
  for (const path of configFiles) {
    // a property line: optional decorators (called or bare, as `@ifOidc`), then an upper-case name and its type
    for (const match of readFileSync(path, 'utf8').matchAll(/^\s*(?:@[\w.]+(?:\(.*?\))?\s*)*([A-Z][A-Z0-9_]*)[!?]?:\s/gm)) names.add(match[1]);
  }
  return names;
}

function environmentReads(): Set<string> {
  const names = new Set<string>();
  for (const path of runtimeFiles) {
    for (const match of readFileSync(path, 'utf8').matchAll(/\benv\.([A-Z][A-Z0-9_]*)\b|\benv\[['"]([A-Z][A-Z0-9_]*)['"]\]/g)) {
      names.add(match[1] ?? match[2]);
    }
  }
  return names;
}

function readmeTable(): Set<string> {
  const readme = readFileSync(join(root, 'README.md'), 'utf8').split('\n');
  const header = readme.findIndex((line) => /^\|\s*variable\s*\|/.test(line));
  if (header < 0) throw new Error('README.md has no configuration table (a row starting with "| variable |")');
  const names = new Set<string>();
  for (const line of readme.slice(header + 2)) {
    if (!line.startsWith('|')) break;
    for (const match of line.split('|')[1].matchAll(/`([A-Z][A-Z0-9_]*)`/g)) names.add(match[1]);
  }
  return names;
}

describe("README's configuration table", () => {
  const read = new Set([...configClassProperties(), ...environmentReads()].filter((name) => !PLATFORM_VARIABLES.has(name)));
  const documented = readmeTable();

  it('finds the variables it compares (the scan itself works)', () => {
    for (const name of ['DATABASE_URL', 'PORT', 'SWITCHYARD_MODE', 'SWITCHYARD_SECRET_KEY', 'S3_ENDPOINT']) expect(read).toContain(name);
  });

  it('lists every variable the start and the services read', () => {
    expect([...read].filter((name) => !documented.has(name)).sort()).toEqual([]);
  });

  it('lists no variable nothing reads', () => {
    expect([...documented].filter((name) => !read.has(name)).sort()).toEqual([]);
  });
});
