import { Readable } from 'stream';
import { ExecuteRequest } from '@switchyard/contracts';
import { RpcClient } from '@switchyard/nats';
import { ObjectStorage } from '@switchyard/object-storage';
import { ImageInputs } from './image-inputs';

const principal = { userId: 'usr_me', keyId: 'key_1', role: 'user', scopes: ['inference'] } as unknown as ExecuteRequest['principal'];

/** Storage holding a few objects; it records every key asked for. */
function storageWith(objects: Record<string, string>) {
  const asked: string[] = [];
  const storage = {
    asked,
    async getStream(key: string, { owner }: { owner: string }) {
      asked.push(key);
      // the real storage refuses a key outside the reader's area (checkObjectKey): so does this one
      if (key.split('/')[1] !== owner) throw new Error(`${key} is not ${owner}'s`);
      if (!(key in objects)) throw new Error(`no object ${key}`);
      return Readable.from([Buffer.from(objects[key])]);
    },
  };
  return storage;
}

const noRpc = { send: () => Promise.reject(new Error('no rpc expected')) } as unknown as RpcClient;

describe('ImageInputs.inline', () => {
  it("reads a multipart edit's images and mask from the keys derived for this request", async () => {
    const storage = storageWith({ 'tmp/usr_me/req_1-0': 'one', 'tmp/usr_me/req_1-1': 'mask' });
    const inputs = new ImageInputs(noRpc, storage as unknown as ObjectStorage);
    const req: ExecuteRequest = {
      requestId: 'req_1',
      principal,
      endpoint: '/v1/images/edits',
      stream: false,
      body: { model: 'gpt-image-2', prompt: 'x' },
      parked: [
        { field: 'image', filename: 'a.png', mediaType: 'image/png', bytes: 3 },
        { field: 'mask', filename: 'm.png', mediaType: 'image/png', bytes: 4 },
      ],
    };
    const inlined = await inputs.inline(req);
    expect(inlined.body.images).toEqual([{ image_url: `data:image/png;base64,${Buffer.from('one').toString('base64')}` }]);
    expect(inlined.body.mask).toEqual({ image_url: `data:image/png;base64,${Buffer.from('mask').toString('base64')}` });
    expect(storage.asked).toEqual(['tmp/usr_me/req_1-0', 'tmp/usr_me/req_1-1']);
  });

  it('never opens an object key a JSON body names', async () => {
    const storage = storageWith({ 'files/usr_victim/file-1': 'secret' });
    const inputs = new ImageInputs(noRpc, storage as unknown as ObjectStorage);
    const parked = { objectKey: 'tmp/usr_me/../../files/usr_victim/file-1', filename: 'x.png', mediaType: 'image/png', bytes: 6 };
    const req: ExecuteRequest = {
      requestId: 'req_2',
      principal,
      endpoint: '/v1/images/edits',
      stream: false,
      body: {
        model: 'gpt-image-2',
        prompt: 'x',
        images: [{ image_url: 'data:image/png;base64,AA==', parked }],
        mask: { image_url: 'data:image/png;base64,AA==', parked },
      },
    };
    const inlined = await inputs.inline(req);
    expect(storage.asked).toEqual([]);
    expect(JSON.stringify(inlined.body)).not.toContain(Buffer.from('secret').toString('base64'));
  });
});
