import { ChildProcess, spawn } from 'child_process';
import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { freePort } from '@switchyard/runtime';

/**
 * Portkey's open-source gateway (`@portkey-ai/gateway`, a devDependency), the peer measured in the
 * same rounds: a Node proxy with no authentication, billing or limits, pointed at the same mock.
 */
export interface PortkeyGateway {
  url: string;
  version: string;
  pid: number;
  /** the headers that send a request through it to an OpenAI-compatible upstream at `upstreamUrl` */
  headers(upstreamUrl: string): Record<string, string>;
  stop(): Promise<void>;
}

export async function startPortkey(): Promise<PortkeyGateway> {
  const packageJson = require.resolve('@portkey-ai/gateway/package.json');
  const version = (JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string }).version;
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [join(dirname(packageJson), 'build', 'start-server.js'), `--port=${port}`, '--headless'],
    {
      stdio: 'ignore',
      env: { ...process.env },
    },
  );
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGTERM');
    await Promise.race([exited, new Promise((r) => setTimeout(r, 5000))]);
    if (child.exitCode === null) child.kill('SIGKILL');
  };
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`Portkey's gateway exited (${child.exitCode}) before it answered`);
    const up = await fetch(`${url}/`).then(
      (r) => r.ok,
      () => false,
    );
    if (up) break;
    if (Date.now() > deadline) {
      await stop();
      throw new Error(`Portkey's gateway did not answer on ${url} within 30 s`);
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    url,
    version,
    pid: child.pid!,
    stop,
    headers: (upstreamUrl) => ({ 'x-portkey-provider': 'openai', 'x-portkey-custom-host': `${upstreamUrl}/v1` }),
  };
}
