import { NatsConnection } from 'nats';
import { DataSource } from 'typeorm';
import { Events } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { eventually } from '@switchyard/testing';
import { ChannelTable } from './channel-table';
import { RouterConfig } from '../router.config';
import { SecretBox } from './secret-box';

/** A table over a fake database whose reads the test releases one at a time, and a fake NATS that delivers broadcasts on demand. */
function tableOver() {
  let rows = [{ id: 'ch_1', status: 'enabled', apiKeySealed: 'k' }];
  const reads: (() => void)[] = [];
  const ds = {
    getRepository: () => ({
      findBy: () => {
        const taken = rows.map((r) => ({ ...r })); // what a read sees is what was committed when it began
        return new Promise((resolve) => reads.push(() => resolve(taken)));
      },
    }),
  } as unknown as DataSource;
  const handlers = new Map<string, (err: unknown, msg: { data: Uint8Array }) => void>();
  const nc = {
    subscribe: (subject: string, opts: { callback: (err: unknown, msg: { data: Uint8Array }) => void }) => {
      handlers.set(subject, opts.callback);
      return { unsubscribe: () => undefined };
    },
    publish: () => undefined,
    flush: async () => undefined,
  } as unknown as NatsConnection;
  const box = { open: (sealed: string) => sealed } as unknown as SecretBox;
  const config = { SWITCHYARD_CHANNEL_REFRESH_MS: 3_600_000 } as RouterConfig;
  const table = new ChannelTable(ds, box, config, nc, new JsonLogger('test', 'error'));
  return {
    table,
    setRows: (next: typeof rows) => (rows = next),
    releaseRead: async () => {
      await eventually('the table to start a read', () => reads.length > 0, { intervalMs: 0 });
      reads.shift()!();
    },
    deliverChange: () => handlers.get(Events.routerChannelChanged)!(null, { data: new TextEncoder().encode('{}') }),
  };
}

describe('ChannelTable', () => {
  it('answers current() only after the reloads broadcasts started, so a change made on another replica is seen by the next request', async () => {
    const t = tableOver();
    const booted = t.table.onApplicationBootstrap();
    await t.releaseRead();
    await booted;
    expect((await t.table.current()).map((c) => c.status)).toEqual(['enabled']);

    t.setRows([{ id: 'ch_1', status: 'disabled', apiKeySealed: 'k' }]);
    t.deliverChange();
    let seen: string[] | null = null;
    const reading = t.table.current().then((channels) => (seen = channels.map((c) => c.status)));
    await new Promise((r) => setImmediate(r));
    expect(seen).toBeNull(); // still waiting for the reload the broadcast started
    await t.releaseRead();
    await reading;
    expect(seen).toEqual(['disabled']);
    t.table.onApplicationShutdown();
  });

  it('reads again after a broadcast that arrives while a reload is running (the change may have committed after that read began)', async () => {
    const t = tableOver();
    const booted = t.table.onApplicationBootstrap();
    await t.releaseRead();
    await booted;

    t.deliverChange();
    t.setRows([{ id: 'ch_1', status: 'disabled', apiKeySealed: 'k' }]);
    t.deliverChange();
    const reading = t.table.current();
    await t.releaseRead(); // the first reload's read (its rows were taken when it began: still enabled)
    await t.releaseRead(); // the second
    expect((await reading).map((c) => c.status)).toEqual(['disabled']);
    t.table.onApplicationShutdown();
  });
});
