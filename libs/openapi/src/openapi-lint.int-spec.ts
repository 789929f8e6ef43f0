import { spawnSync } from 'child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildOpenApiDocument } from './document';

const root = join(__dirname, '..', '..', '..');

interface LintReport {
  totals: { errors: number; warnings: number };
  problems: { ruleId: string; message: string; location: { pointer?: string }[] }[];
}

/** Redocly's linter on the document, with the repository's configuration (redocly.yaml): no error, no warning. */
describe('the API document, linted by Redocly', () => {
  it('lints clean', () => {
    const dir = mkdtempSync(join(tmpdir(), 'openapi-lint-'));
    try {
      const file = join(dir, 'openapi.json');
      writeFileSync(file, JSON.stringify(buildOpenApiDocument(), null, 2));
      const cli = join(root, 'node_modules', '@redocly', 'cli', 'bin', 'cli.js');
      const run = spawnSync(process.execPath, [cli, 'lint', file, '--config', join(root, 'redocly.yaml'), '--format', 'json'], {
        cwd: root,
        encoding: 'utf8',
        env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
        timeout: 120_000,
      });
      let report: LintReport;
      try {
        report = JSON.parse(run.stdout) as LintReport;
      } catch {
        throw new Error(`redocly lint printed no report (exit ${run.status}):\n${run.stdout}\n${run.stderr}`);
      }
      const problems = report.problems.map((p) => `${p.ruleId} at ${p.location[0]?.pointer ?? '?'}: ${p.message}`);
      expect({ status: run.status, totals: report.totals, problems }).toEqual({
        status: 0,
        totals: expect.objectContaining({ errors: 0, warnings: 0 }),
        problems: [],
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
