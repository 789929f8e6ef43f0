import { ExecuteRequest } from '@switchyard/contracts';
import { parkedObjects } from './parked-parts';

const principal = { userId: 'usr_me', keyId: 'key_1', role: 'user', scopes: ['inference'] } as unknown as ExecuteRequest['principal'];

function request(overrides: Partial<ExecuteRequest>): ExecuteRequest {
  return {
    requestId: 'req_7',
    principal,
    endpoint: '/v1/images/edits',
    body: { model: 'gpt-image-2', prompt: 'x' },
    stream: false,
    ...overrides,
  };
}

describe('parkedObjects', () => {
  it("derives each key from the caller, the request and the part's position", () => {
    const req = request({
      parked: [
        { field: 'image', filename: 'a.png', mediaType: 'image/png', bytes: 3 },
        { field: 'mask', filename: 'm.png', mediaType: 'image/png', bytes: 1 },
        { field: 'image', filename: 'b.png', mediaType: 'image/png', bytes: 2 },
      ],
    });
    expect(parkedObjects(req, 'image').map((p) => p.objectKey)).toEqual(['tmp/usr_me/req_7-0', 'tmp/usr_me/req_7-2']);
    expect(parkedObjects(req, 'mask').map((p) => p.objectKey)).toEqual(['tmp/usr_me/req_7-1']);
  });

  it("never takes a key from the caller's body", () => {
    const smuggled = { objectKey: 'tmp/usr_me/../../files/usr_victim/file-1', filename: 'x.png', mediaType: 'image/png', bytes: 1 };
    const req = request({
      body: {
        model: 'gpt-image-2',
        prompt: 'x',
        images: [{ image_url: 'u', parked: smuggled }],
        mask: { parked: smuggled },
        parked: [smuggled],
      },
    });
    expect(parkedObjects(req, 'image')).toEqual([]);
    expect(parkedObjects(req, 'mask')).toEqual([]);
  });
});
