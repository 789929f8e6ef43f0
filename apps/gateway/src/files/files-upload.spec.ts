import { FastifyRequest } from 'fastify';
import { DomainError, Principal } from '@switchyard/contracts';
import { noAnswerWithin, RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { GatewayConfig } from '../gateway.config';
import { end, field, filePart, MemoryStorage, requestOf } from '../http/multipart-test-kit';
import { GatewayFilesService } from './files.service';

const caller: Principal = { userId: 'usr_1', keyId: 'key_1', role: 'user', scopes: ['inference'] };
const boundary = 'b0undary';

/** An upload through the service whose register call (`files.file.create`) fails with `failure`. */
async function uploadFailingWith(failure: Error) {
  const storage = new MemoryStorage();
  const rpc = { send: () => Promise.reject(failure) } as unknown as RpcClient;
  const config = {
    SWITCHYARD_MAX_UPLOAD_BYTES: 1_000_000,
    SWITCHYARD_UPSTREAM_TIMEOUT_MS: 1000,
    SWITCHYARD_MAX_ATTEMPTS: 1,
  } as GatewayConfig;
  const files = new GatewayFilesService(rpc, storage as unknown as ObjectStorage, config);
  const body = field(boundary, 'purpose', 'user_data') + filePart(boundary, 'file', 'notes.txt', 'hello') + end(boundary);
  const raw = requestOf(body, `multipart/form-data; boundary=${boundary}`);
  const request = { headers: raw.headers, raw } as unknown as FastifyRequest;
  await expect(files.upload(caller, 'openai', request)).rejects.toBe(failure);
  return [...storage.objects.keys()];
}

describe('an upload whose record cannot be registered', () => {
  it('removes its bytes when the files service refused the record: nothing half-written', async () => {
    expect(
      await uploadFailingWith(new DomainError('service_unavailable', 'The files service is unavailable (no instance is running)')),
    ).toEqual([]);
  });

  it('keeps its bytes when the register call got no answer: the record may still commit, and the sweeper removes an orphan', async () => {
    const kept = await uploadFailingWith(noAnswerWithin('files.file.create', 5000));
    expect(kept).toHaveLength(1);
    expect(kept[0]).toMatch(/^files\/usr_1\/file-/);
  });
});
