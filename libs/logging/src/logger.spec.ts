import { JsonLogger, redact } from './logger';
import { LogLevel } from './levels';

/** A logger writing into an array, and its lines parsed. */
function capture(level: LogLevel, service = 'svc') {
  const written: string[] = [];
  const logger = new JsonLogger(service, level, { write: (line: string) => void written.push(line) });
  return { logger, written, lines: () => written.map((line) => JSON.parse(line) as Record<string, unknown>) };
}

const userKey = 'sk-sy-abcdefghijkl0123456789';

describe('redact', () => {
  it('masks what looks like an API key or a bearer token in a text', () => {
    expect(redact('key sk-sy-abcdefghijkl used')).toBe('key sk-*** used');
    expect(redact('Authorization: Bearer abcdefgh123')).toBe('Authorization: Bea***');
  });
});

describe('JsonLogger', () => {
  it('writes one JSON line per message: level name, ISO time, service, pid, message and context', () => {
    const { logger, written, lines } = capture('info');
    logger.warn('shown', 'ctx');
    expect(written).toHaveLength(1);
    expect(written[0].endsWith('}\n')).toBe(true);
    expect(lines()[0]).toEqual({ level: 'warn', time: expect.any(String), service: 'svc', pid: process.pid, msg: 'shown', ctx: 'ctx' });
    expect(new Date(lines()[0].time as string).toISOString()).toBe(lines()[0].time);
  });

  it.each<[LogLevel, string[]]>([
    ['fatal', ['fatal']],
    ['error', ['fatal', 'error']],
    ['warn', ['fatal', 'error', 'warn']],
    ['info', ['fatal', 'error', 'warn', 'info', 'info']],
    ['debug', ['fatal', 'error', 'warn', 'info', 'info', 'debug']],
    ['trace', ['fatal', 'error', 'warn', 'info', 'info', 'debug', 'trace']],
  ])('at %s writes only the lines at that level or above', (level, expected) => {
    const { logger, lines } = capture(level);
    logger.fatal('f');
    logger.error('e');
    logger.warn('w');
    logger.log('l');
    logger.info('i');
    logger.debug('d');
    logger.verbose('v');
    expect(lines().map((line) => line.level)).toEqual(expected);
    expect(logger.level).toBe(level);
  });

  it('writes an error with its stack in the context', () => {
    const { logger, lines } = capture('error');
    logger.error('request failed', new TypeError('boom'));
    expect(lines()[0]).toMatchObject({ level: 'error', msg: 'request failed', ctx: expect.stringContaining('TypeError: boom\n    at ') });
  });

  it('masks keys in messages and in the context', () => {
    const { logger, written } = capture('info');
    logger.info(`key ${userKey} refused`, `Authorization: Bearer ${userKey}`);
    logger.error(new Error(`upstream said: invalid key ${userKey}`));
    expect(written.join('')).not.toContain('abcdefghijkl');
    expect(written.join('')).toContain('sk-***');
  });

  it('masks keys in structured fields: by field name, and by what a value looks like, at any depth', () => {
    const { logger, written, lines } = capture('info');
    const fields = {
      key: 'plain-secret-without-prefix',
      request: { authorization: 'opaque-token-value', headers: { 'x-api-key': 'another-opaque-value' }, note: `carried ${userKey}` },
      list: [{ text: `Bearer ${userKey}` }],
      user_id: 'usr_1',
    };
    logger.event('info', 'an event', fields);
    const all = written.join('');
    for (const secret of ['plain-secret-without-prefix', 'opaque-token-value', 'another-opaque-value', 'abcdefghijkl'])
      expect(all).not.toContain(secret);
    expect(lines()[0]).toEqual({
      level: 'info',
      time: expect.any(String),
      service: 'svc',
      pid: process.pid,
      msg: 'an event',
      key: '[redacted]',
      request: { authorization: '[redacted]', headers: '[redacted]', note: 'carried sk-***' },
      list: [{ text: 'Bearer sk-***' }],
      user_id: 'usr_1',
    });
    // the caller's object is left as it was
    expect(fields.key).toBe('plain-secret-without-prefix');
    expect(fields.request.note).toBe(`carried ${userKey}`);
  });

  it('writes an event only at or above the level', () => {
    const { logger, lines } = capture('warn');
    logger.event('info', 'request', { status: 200 });
    logger.event('warn', 'slow', { status: 200 });
    expect(lines().map((line) => line.msg)).toEqual(['slow']);
  });

  it('tags each line with the service of its logger when services share the output (single mode)', () => {
    const written: string[] = [];
    const out = { write: (line: string) => void written.push(line) };
    new JsonLogger('router', 'info', out).info('a');
    new JsonLogger('billing', 'info', out).info('b');
    expect(written.map((line) => JSON.parse(line).service)).toEqual(['router', 'billing']);
  });
});

describe('JsonLogger.lifecycle', () => {
  it.each<LogLevel>(['fatal', 'error', 'warn', 'info', 'debug'])('is written at LOG_LEVEL=%s', (level) => {
    const { logger, lines } = capture(level);
    logger.lifecycle('svc ready');
    logger.info('hidden unless info or below');
    expect(lines()[0]).toMatchObject({ level: 'info', service: 'svc', msg: 'svc ready' });
    expect(lines()).toHaveLength(['info', 'debug'].includes(level) ? 2 : 1);
  });
});
