import { execFileSync } from 'child_process';
import { join } from 'path';
import { buildOpenApiDocument } from '@switchyard/openapi';
import { repoRoot } from '@switchyard/runtime';

/** Where the typed client's types live; committed, so a change of the document shows in review. */
export function apiSchemaPath(): string {
  return join(repoRoot(), 'libs', 'api-client', 'src', 'schema.ts');
}

/**
 * The text schema.ts must hold for the current OpenAPI document, formatted as `npm run format` would
 * format it, so that generating again changes nothing unless the document changed.
 */
export function apiSchemaSource(): string {
  const script = join(repoRoot(), 'tools', 'api-client', 'src', 'schema-from-document.mjs');
  return execFileSync(process.execPath, [script, apiSchemaPath()], {
    cwd: repoRoot(),
    input: JSON.stringify(buildOpenApiDocument()),
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
}
