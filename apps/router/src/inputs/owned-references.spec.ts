import { DomainError } from '@switchyard/contracts';
import type { JsonLogger } from '@switchyard/logging';
import type { RpcClient } from '@switchyard/nats';
import type { ObjectStorage } from '@switchyard/object-storage';
import type { DataSource } from 'typeorm';
import type { ChannelHealth } from '../channels/channel-health';
import type { ChannelTable } from '../channels/channel-table';
import { FileBindings } from './file-bindings';
import { OwnedReferences } from './owned-references';
import { RouterConfig } from '../router.config';
import { StoredResponses } from '../execution/stored-responses';

/** Postgres and the files service as two small tables: who owns which binding, response and OpenAI file. */
function world() {
  const bindings = [
    { file_id: 'file_alice_bound', owner: 'alice', channel_id: 'ch_anthropic', upstream_file_id: 'file_up_1' },
    { file_id: 'file_alice_other_channel', owner: 'alice', channel_id: 'ch_other', upstream_file_id: 'file_up_2' },
  ];
  const responses = [
    { response_id: 'resp_alice', owner: 'alice', channel_id: 'ch_openai' },
    { response_id: 'resp_alice_anthropic', owner: 'alice', channel_id: 'ch_anthropic' },
  ];
  const openAiFiles = [{ id: 'file-alice-plain', owner: 'alice' }];
  const sent: string[] = [];
  const ds = {
    query: async (sql: string, params: any[]) => {
      if (sql.includes('FROM router.file_bindings')) return bindings.filter((b) => b.owner === params[0] && params[1].includes(b.file_id));
      if (sql.includes('FROM router.stored_responses'))
        return responses.filter((r) => r.response_id === params[0] && r.owner === params[1]);
      throw new Error(`unexpected query ${sql}`);
    },
  } as unknown as DataSource;
  const rpc = {
    send: async (subject: string, payload: { ownerUserId: string; fileId: string; api: string }) => {
      sent.push(`${subject} ${payload.fileId}`);
      const file = openAiFiles.find((f) => f.id === payload.fileId && f.owner === payload.ownerUserId && payload.api === 'openai');
      if (!file) throw new DomainError('INFERENCE_3302', `No such File object: ${payload.fileId}`, 'id');
      return { file: {}, objectKey: `files/${file.owner}/${file.id}` };
    },
  } as unknown as RpcClient;
  const config = new RouterConfig();
  const logger = { warn: () => undefined } as unknown as JsonLogger;
  const files = new FileBindings(ds, {} as ChannelTable, {} as ChannelHealth, {} as ObjectStorage, config, rpc, logger);
  const stored = new StoredResponses(ds, {} as ChannelTable, config, logger);
  return { references: new OwnedReferences(files, stored), sent };
}

async function refusal(promise: Promise<unknown>): Promise<DomainError> {
  const error = await promise.then(
    () => null,
    (e) => e,
  );
  expect(error).toBeInstanceOf(DomainError);
  return error;
}

const document = (fileId: string) => ({
  model: 'm',
  messages: [{ role: 'user', content: [{ type: 'document', source: { type: 'file', file_id: fileId } }] }],
});

describe("OwnedReferences: only the caller's upstream objects, before anything is sent", () => {
  it("pins a bound file to its channel with the provider's id, and lets the caller's unbound OpenAI file through", async () => {
    const { references } = world();
    expect(await references.pinFor('alice', document('file_alice_bound'))).toEqual({
      channelId: 'ch_anthropic',
      upstreamIds: new Map([['file_alice_bound', 'file_up_1']]),
    });
    expect(
      await references.pinFor('alice', {
        model: 'm',
        input: [{ role: 'user', content: [{ type: 'input_file', file_id: 'file-alice-plain' }] }],
      }),
    ).toBeNull();
    expect(await references.pinFor('alice', { model: 'm', messages: [{ role: 'user', content: 'no references' }] })).toBeNull();
  });

  it("answers 404 naming the place for another user's file, a provider's file id and an unknown id alike", async () => {
    const { references } = world();
    for (const fileId of ['file_alice_bound', 'file_up_1', 'file-alice-plain', 'file_nobody']) {
      const error = await refusal(references.pinFor('mallory', document(fileId)));
      expect(error).toMatchObject({ code: 'INFERENCE_3302', status: 404, param: 'messages[0].content[0].source.file_id' });
    }
  });

  it("answers 404 for another user's or an unknown previous_response_id, and pins the caller's own to the channel that stored it", async () => {
    const { references } = world();
    for (const user of ['mallory', 'alice']) {
      const error = await refusal(
        references.pinFor(user, { model: 'm', previous_response_id: user === 'alice' ? 'resp_unknown' : 'resp_alice', input: 'go on' }),
      );
      expect(error).toMatchObject({ code: 'not_found', status: 404, param: 'previous_response_id' });
    }
    expect(await references.pinFor('alice', { model: 'm', previous_response_id: 'resp_alice', input: 'go on' })).toEqual({
      channelId: 'ch_openai',
      upstreamIds: new Map(),
    });
    const both = { ...document('file_alice_bound'), previous_response_id: 'resp_alice_anthropic' };
    expect((await references.pinFor('alice', both))?.channelId).toBe('ch_anthropic');
    const apart = await refusal(references.pinFor('alice', { ...document('file_alice_bound'), previous_response_id: 'resp_alice' }));
    expect(apart).toMatchObject({ code: 'invalid_value', param: 'previous_response_id' });
  });

  it('answers 404 for kinds of objects we never hold for callers, without asking anyone', async () => {
    const { references, sent } = world();
    for (const body of [
      { conversation: 'conv_1' },
      { container: 'container_1' },
      { prompt: { id: 'pmpt_1' } },
      { cachedContent: 'cachedContents/1' },
    ]) {
      const error = await refusal(references.pinFor('alice', { ...document('file-alice-plain'), ...body }));
      expect(error).toMatchObject({ code: 'not_found', status: 404 });
    }
    expect(sent).toEqual([]);
  });

  it('refuses a request that names more files than it may, before asking the files service about any', async () => {
    const { references, sent } = world();
    const many = {
      model: 'm',
      input: [{ role: 'user', content: Array.from({ length: 101 }, (_, i) => ({ type: 'input_file', file_id: `file-${i}` })) }],
    };
    expect(await refusal(references.pinFor('alice', many))).toMatchObject({ code: 'invalid_value', status: 400 });
    expect(sent).toEqual([]);
  });
});
