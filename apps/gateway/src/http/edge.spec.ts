import { ImageEditBody } from '@switchyard/contracts';
import { admitBody, serverOnlyFieldIn } from './edge';

describe('serverOnlyFieldIn', () => {
  it('finds parked parts wherever a body could carry them', () => {
    expect(serverOnlyFieldIn({ prompt: 'x', parked: [] })).toBe('parked');
    expect(
      serverOnlyFieldIn({ prompt: 'x', images: [{ image_url: 'u' }, { image_url: 'u', parked: { objectKey: 'tmp/a/../../files/b/c' } }] }),
    ).toBe('images.1.parked');
    expect(serverOnlyFieldIn({ prompt: 'x', mask: { parked: { objectKey: 'files/b/c' } } })).toBe('mask.parked');
    expect(serverOnlyFieldIn({ file: { parked: {} } })).toBe('file.parked');
  });

  it("leaves callers' own data alone: deeper fields and values named like one", () => {
    const schema = { response_format: { type: 'json_schema', json_schema: { schema: { properties: { parked: { type: 'boolean' } } } } } };
    expect(serverOnlyFieldIn(schema)).toBeNull();
    expect(serverOnlyFieldIn({ messages: [{ role: 'user', content: 'parked' }] })).toBeNull();
    expect(serverOnlyFieldIn(null)).toBeNull();
    expect(serverOnlyFieldIn([{ parked: 1 }])).toBeNull();
  });
});

describe('admitBody', () => {
  it('refuses a body with a server-only field by name, before validating it', () => {
    const body = {
      prompt: 'x',
      images: [{ image_url: 'data:image/png;base64,AA==', parked: { objectKey: 'tmp/me/../../files/them/file-1' } }],
    };
    expect(() => admitBody(ImageEditBody, body)).toThrow(
      expect.objectContaining({ code: 'invalid_value', param: 'images.0.parked', status: 400 }),
    );
  });

  it('validates by the contract class and keeps unknown fields', () => {
    const body = { prompt: 'x', images: [{ image_url: 'u' }], quality: 'high' };
    expect(admitBody(ImageEditBody, body)).toMatchObject({ prompt: 'x', quality: 'high' });
    expect(() => admitBody(ImageEditBody, { prompt: 'x', images: [] })).toThrow(expect.objectContaining({ param: 'images' }));
  });
});
