import { PassThrough } from 'stream';
import { JsonLogger, redact } from './logger';

describe('JsonLogger', () => {
  it('never writes an API key', () => {
    expect(redact('key sk-sy-abcdefghijkl used')).toBe('key sk-*** used');
    expect(redact('Authorization: Bearer abcdefgh123')).toBe('Authorization: Bea***');
  });

  it('writes one JSON line per message and honours the level', () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c) => chunks.push(String(c)));
    const logger = new JsonLogger('svc', 'warn', out);
    logger.log('hidden');
    logger.warn('shown', 'ctx');
    expect(chunks).toHaveLength(1);
    expect(JSON.parse(chunks[0])).toMatchObject({ level: 'warn', service: 'svc', msg: 'shown', ctx: 'ctx' });
  });
});

describe('JsonLogger.lifecycle', () => {
  it('is written whatever the level', () => {
    const out = new PassThrough();
    const chunks: string[] = [];
    out.on('data', (c) => chunks.push(String(c)));
    new JsonLogger('svc', 'error', out).lifecycle('svc ready');
    expect(JSON.parse(chunks[0]).msg).toBe('svc ready');
  });
});
