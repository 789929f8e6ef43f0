import { spawnSync } from 'child_process';
import { existsSync, readFileSync } from 'fs';
import { join } from 'path';
import { METRIC_CATALOG } from './catalog';

const dir = join(__dirname, '..', '..', '..', '..', 'docker', 'prometheus');
const PROMTOOL = '/usr/bin/promtool';

describe('docker/prometheus', () => {
  const promtool = (...args: string[]) => {
    if (!existsSync(PROMTOOL)) throw new Error(`promtool is not installed at ${PROMTOOL}: apt-get install -y prometheus (.ci/run does)`);
    const run = spawnSync(PROMTOOL, args, { cwd: dir, encoding: 'utf8' });
    return { status: run.status, output: `${run.stdout}${run.stderr}` };
  };

  it('alerts.yml passes `promtool check rules`', () => {
    expect(promtool('check', 'rules', 'alerts.yml')).toMatchObject({ status: 0 });
  });

  it('prometheus.yml passes `promtool check config` (with its rules)', () => {
    expect(promtool('check', 'config', 'prometheus.yml')).toMatchObject({ status: 0 });
  });

  it('the rules name only metric families that exist', () => {
    const rules = readFileSync(join(dir, 'alerts.yml'), 'utf8');
    const known = new Set<string>(Object.values(METRIC_CATALOG).map((f) => f.name));
    const named = [...rules.matchAll(/\b(switchyard_[a-z0-9_]+)/g)].map((m) => m[1].replace(/_(bucket|count|sum)$/, ''));
    expect(named.filter((name) => !known.has(name))).toEqual([]);
  });
});
