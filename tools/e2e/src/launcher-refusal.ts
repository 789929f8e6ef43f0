import { existsSync } from 'fs';
import { join } from 'path';
import { compiledMain, eventually, spawnNode } from '@switchyard/runtime';
import { tempDir } from '@switchyard/testing';

/**
 * Starts the launcher as `npm start` does, with `env` on a fresh data folder, and expects it to
 * refuse before any service runs: exit code 1, `reason` in its output, no service's log folder.
 */
export async function expectLauncherRefusal(env: NodeJS.ProcessEnv, reason: string): Promise<void> {
  const data = tempDir('refused-start');
  let exited: (code: number | null) => void = () => undefined;
  const exit = new Promise<number | null>((resolve) => (exited = resolve));
  const launcher = spawnNode({
    name: 'launcher',
    script: compiledMain('tools/launcher'),
    env: { ...process.env, SWITCHYARD_DATA_DIR: data.path, ...env },
    logDir: join(data.path, 'launcher-log'),
    onExit: (code) => exited(code),
  });
  try {
    expect(await exit).toBe(1);
    await eventually('the reason in its log', () => launcher.tail().includes(reason), { timeoutMs: 5_000, intervalMs: 50 });
    expect(existsSync(join(data.path, 'logs'))).toBe(false);
  } finally {
    await launcher.stop();
    data.remove();
  }
}
