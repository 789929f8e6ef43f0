import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'fs';
import { createServer, Server } from 'net';
import { tmpdir } from 'os';
import { join } from 'path';
import { startNatsServer } from './nats-server';

describe('startNatsServer', () => {
  let taken: Server;
  let dataDir: string;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'nats-start-'));
    taken = createServer();
    await new Promise<void>((resolve) => taken.listen(0, '127.0.0.1', resolve));
  });

  afterAll(() => {
    taken.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('reports a server that cannot start as soon as it exits, not when the wait for its port times out', async () => {
    const broken = join(dataDir, 'broken');
    // JetStream's own folder is a file: the server exits at once
    mkdirSync(join(broken, 'jetstream'), { recursive: true });
    writeFileSync(join(broken, 'jetstream', 'jetstream'), '');
    const started = Date.now();
    await expect(startNatsServer({ dataDir: broken })).rejects.toThrow(
      /nats-server exited \(code 1\) before it listened; see .*nats-server\.log/,
    );
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('refuses a port something else listens on at once, instead of taking that for the server', async () => {
    const port = (taken.address() as { port: number }).port;
    await expect(startNatsServer({ dataDir: join(dataDir, 'taken'), port })).rejects.toThrow(
      `nats-server cannot listen on port ${port}: something else already does`,
    );
  });

  it('starts on a free port', async () => {
    const nats = await startNatsServer({ dataDir: join(dataDir, 'ok') });
    await nats.stop();
  });
});
