import { readyPattern } from '@switchyard/logging';
import { compiledMain, ManagedProcess, spawnNode } from '@switchyard/runtime';
import { tempDir } from './infrastructure';
import { uncheckedFetch } from './validating-fetch';

export interface MockUpstreamProcess {
  url: string;
  process: ManagedProcess;
  /** sets the behaviour for every following request (see tools/mock-upstream) */
  configure(behaviour: Record<string, unknown>): Promise<void>;
  requests(): Promise<{ path: string; authorization?: string; apiKey?: string; headers: Record<string, string>; body: any }[]>;
  clearRequests(): Promise<void>;
  stop(): Promise<void>;
}

/** The mock upstream as its own process (tools/mock-upstream, compiled by `npm run build`). */
export async function startMockUpstream(options: { apiKey?: string; latencyMs?: number } = {}): Promise<MockUpstreamProcess> {
  const logs = tempDir('mock');
  const args = ['--port', '0'];
  if (options.apiKey) args.push('--api-key', options.apiKey);
  if (options.latencyMs) args.push('--latency-ms', String(options.latencyMs));
  const process = spawnNode({
    name: 'mock-upstream',
    script: compiledMain('tools/mock-upstream'),
    args,
    env: { ...globalThis.process.env },
    logDir: logs.path,
  });
  const url = JSON.parse(await process.waitForLine(/mock_upstream/, 20_000)).mock_upstream as string;
  return {
    url,
    process,
    async configure(behaviour) {
      await uncheckedFetch(`${url}/__mock/config`, { method: 'POST', body: JSON.stringify(behaviour) });
    },
    async requests() {
      return ((await (await uncheckedFetch(`${url}/__mock/requests`)).json()) as { data: any[] }).data;
    },
    async clearRequests() {
      await uncheckedFetch(`${url}/__mock/requests`, { method: 'DELETE' });
    },
    async stop() {
      await process.stop();
      logs.remove();
    },
  };
}

/** One service as its own process, started from its compiled main, resolved when it says it is ready. */
export async function startServiceProcess(
  service: string,
  env: NodeJS.ProcessEnv,
  name = service,
): Promise<ManagedProcess & { logs: string; readyLine: string }> {
  const logs = tempDir(name);
  const child = spawnNode({ name, script: compiledMain(`apps/${service}`), env: { ...process.env, ...env }, logDir: logs.path });
  const readyLine = await child.waitForLine(readyPattern(service), 60_000);
  return Object.assign(child, { logs: logs.path, readyLine });
}
