import { spawn } from 'child_process';
import { eventually } from '@switchyard/testing';
import { descendantsOf, postgresProcessOf, processRowName } from './process-tree';

describe('descendantsOf', () => {
  it('finds children and grandchildren through /proc/<pid>/task/*/children', async () => {
    const child = spawn('sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore' });
    try {
      const ours = () => descendantsOf(process.pid).filter((pid) => pid === child.pid || descendantsOf(child.pid!).includes(pid));
      const found = await eventually('the child and its sleep', ours, {
        until: (pids) => pids.length >= 2,
        timeoutMs: 1_000,
        intervalMs: 20,
      });
      expect(found[0]).toBe(child.pid);
      expect(found).toHaveLength(2);
    } finally {
      for (const pid of descendantsOf(child.pid!)) process.kill(pid, 'SIGKILL');
      child.kill('SIGKILL');
    }
  });
});

describe('processRowName', () => {
  it('names each service, the one-process mode and nats-server by command line', () => {
    const node = (script: string) => `/usr/bin/node\0-r\0/repo/tools/runtime/register-paths.js\0/repo/dist/${script}\0`;
    expect(processRowName(node('apps/gateway/src/main.js'))).toBe('gateway');
    expect(processRowName(node('apps/router/src/main.js'))).toBe('router');
    expect(processRowName(node('apps/billing/src/main.js'))).toBe('billing');
    expect(processRowName(node('apps/files/src/main.js'))).toBe('files');
    expect(processRowName(node('apps/batches/src/main.js'))).toBe('batches');
    expect(processRowName(node('tools/single-process/src/main.js'))).toBe('single-process');
    expect(processRowName('/usr/sbin/nats-server\0-c\0/tmp/data/nats-server.conf\0-l\0/tmp/data/nats-server.log\0')).toBe('nats-server');
  });

  it("leaves out what the benchmark does not measure (the launcher's demo mock)", () => {
    expect(processRowName('/usr/bin/node\0-r\0x.js\0/repo/dist/tools/mock-upstream/src/main.js\0--port\0' + '0')).toBeNull();
    expect(processRowName('/usr/bin/node\0/repo/dist/apps/gateway/src/other.js\0')).toBeNull();
  });
});

describe('postgresProcessOf', () => {
  it("keeps the server's own processes and the backends of the stack's database, not other databases'", () => {
    expect(postgresProcessOf('/usr/lib/postgresql/16/bin/postgres\0-D\0/var/lib/postgresql\0', 'e2e_1')).toBe(true);
    expect(postgresProcessOf('postgres: 16/main: checkpointer ', 'e2e_1')).toBe(true);
    expect(postgresProcessOf('postgres: checkpointer ', 'e2e_1')).toBe(true);
    expect(postgresProcessOf('postgres: 16/main: switchyard e2e_1 127.0.0.1(51234) idle', 'e2e_1')).toBe(true);
    expect(postgresProcessOf('postgres: 15/main: postgres sy_e2e_2 127.0.0.1(58748) UPDATE', 'e2e_1')).toBe(false);
    expect(postgresProcessOf('postgres: switchyard e2e_1 [local] idle', 'e2e_1')).toBe(true);
    expect(postgresProcessOf('postgres: switchyard e2e_1 127.0.0.1(51234) idle', 'e2e_1')).toBe(true);
    expect(postgresProcessOf('postgres: switchyard e2e_2 127.0.0.1(51299) idle', 'e2e_1')).toBe(false);
    expect(postgresProcessOf('/usr/bin/node\0/repo/dist/apps/billing/src/main.js\0', 'e2e_1')).toBe(false);
  });
});
