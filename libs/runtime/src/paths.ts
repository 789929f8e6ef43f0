import { existsSync } from 'fs';
import { dirname, join, resolve } from 'path';

/** The repository root: the nearest folder above this file holding nx.json (works from src and from dist). */
export function repoRoot(): string {
  let dir = resolve(__dirname);
  while (!existsSync(join(dir, 'nx.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the repository root (nx.json)');
    dir = parent;
  }
  return dir;
}

/** The compiled entry point of an app or tool, e.g. `apps/router` → dist/apps/router/src/main.js. */
export function compiledMain(project: string): string {
  const path = join(repoRoot(), 'dist', project, 'src', 'main.js');
  if (!existsSync(path)) throw new Error(`${path} is missing: run \`npm run build\` first`);
  return path;
}

export function pathRegistration(): string {
  return join(repoRoot(), 'tools', 'runtime', 'register-paths.js');
}
