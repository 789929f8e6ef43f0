import { Readable } from 'stream';
import { checkObjectKey, UnsafeObjectKeyError } from './object-key';
import { ObjectStorage } from './object-storage';

describe('checkObjectKey', () => {
  it.each(['files/usr_3kF9abc/file-AbC123', 'tmp/usr_3kF9abc/req_0123abcd-0', 'tmp/usr_1/req:trace.id-16'])(
    'accepts a key the server builds: %s',
    (key) => {
      expect(checkObjectKey(key)).toBe(key);
    },
  );

  it.each([
    ['a parent segment', 'tmp/usr_attacker/../../files/usr_victim/file-1'],
    ['a parent segment at the end', 'files/usr_victim/..'],
    ['a current-directory segment', 'files/./file-1'],
    ['an absolute key', '/files/usr_victim/file-1'],
    ['an empty segment', 'files//file-1'],
    ['a trailing slash', 'files/usr_victim/'],
    ['an empty key', ''],
    ['a key with too few segments', 'files/file-1'],
    ['a key with too many segments', 'files/usr_victim/x/file-1'],
    ['another area', 'secrets/usr_victim/file-1'],
    ['a backslash', 'files/usr_victim/..\\..\\x'],
    ['an encoded slash', 'files/usr_victim/%2e%2e%2fx'],
    ['a control character', 'files/usr_victim/file\u0000-1'],
    ['whitespace', 'files/usr_victim/file 1'],
  ])('refuses %s', (_why, key) => {
    expect(() => checkObjectKey(key)).toThrow(UnsafeObjectKeyError);
  });

  it("with an owner, refuses a well-formed key in another owner's area", () => {
    expect(checkObjectKey('files/usr_me/file-1', 'usr_me')).toBe('files/usr_me/file-1');
    expect(checkObjectKey('tmp/usr_me/req_1-0', 'usr_me')).toBe('tmp/usr_me/req_1-0');
    for (const key of ['files/usr_victim/file-1', 'tmp/usr_victim/req_1-0', 'files/usr_me2/file-1']) {
      expect(() => checkObjectKey(key, 'usr_me')).toThrow(UnsafeObjectKeyError);
    }
  });

  it('refuses a value that is not a string', () => {
    expect(() => checkObjectKey({ toString: () => 'files/a/b' } as unknown as string)).toThrow(UnsafeObjectKeyError);
  });
});

describe('ObjectStorage refuses unsafe keys before any request leaves', () => {
  // nothing listens here: a refused key must fail on its own, not on the connection
  const storage = new ObjectStorage({
    endpoint: 'http://127.0.0.1:9',
    accessKey: 'a',
    secretKey: 'b',
    bucket: 'bucket',
    region: 'us-east-1',
  });
  const traversal = 'tmp/usr_attacker/../../files/usr_victim/file-1';

  it('in every operation', async () => {
    await expect(storage.getStream(traversal, { owner: 'usr_attacker' })).rejects.toBeInstanceOf(UnsafeObjectKeyError);
    await expect(storage.getStream(traversal, { owner: 'usr_attacker', range: { start: 0, end: 3 } })).rejects.toBeInstanceOf(
      UnsafeObjectKeyError,
    );
    await expect(storage.getStream('files/usr_victim/file-1', { owner: 'usr_attacker' })).rejects.toBeInstanceOf(UnsafeObjectKeyError);
    await expect(storage.putStream(traversal, Readable.from(['x']))).rejects.toBeInstanceOf(UnsafeObjectKeyError);
    await expect(storage.stat(traversal)).rejects.toBeInstanceOf(UnsafeObjectKeyError);
    await expect(storage.remove(traversal)).rejects.toBeInstanceOf(UnsafeObjectKeyError);
  });
});
