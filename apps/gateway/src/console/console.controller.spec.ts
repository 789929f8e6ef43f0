import { mkdtempSync, mkdirSync, rmSync, utimesSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance } from 'fastify';
import { DomainError } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { AuthGuard } from '../auth/auth.guard';
import { AuthService } from '../auth/auth.service';
import { RateLimiter } from '../auth/rate-limiter';
import { AllExceptionsFilter } from '../http/all-exceptions.filter';
import { ConsoleController } from './console.controller';
import { builtConsoleDir, CONSOLE_PAGE_CSP, ConsoleFiles } from './console-files';

const PAGE = '<!DOCTYPE html><html lang="en"><head><script type="module" src="/assets/index-AbC123.js"></script></head></html>';

async function boot(dir: string): Promise<NestFastifyApplication> {
  /** The real guard and error filter; every key is refused, so only a public route answers. */
  @Module({
    controllers: [ConsoleController],
    providers: [
      { provide: ConsoleFiles, useValue: new ConsoleFiles(dir) },
      { provide: APP_GUARD, useClass: AuthGuard },
      { provide: APP_FILTER, useValue: new AllExceptionsFilter(new JsonLogger('gateway', 'error')) },
      {
        provide: AuthService,
        useValue: {
          authenticate: async () => {
            throw new DomainError('invalid_api_key', 'no keys here');
          },
        },
      },
      { provide: RateLimiter, useValue: { acquire: async () => null } },
    ],
  })
  class ConsoleModule {}
  const app = await NestFactory.create<NestFastifyApplication>(ConsoleModule, new FastifyAdapter(), { logger: false });
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

describe('ConsoleController', () => {
  let dir: string;
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'console-build-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), PAGE);
    writeFileSync(join(dir, 'assets', 'index-AbC123.js'), 'console.log(1);\n');
    writeFileSync(join(dir, 'assets', 'index-Def456.css'), 'body{}\n');
    writeFileSync(join(dir, 'secret.txt'), 'not served');
    app = await boot(dir);
    fastify = app.getHttpAdapter().getInstance();
  });

  afterAll(async () => {
    await app?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (url: string, headers: Record<string, string> = {}) => fastify.inject({ method: 'GET', url, headers });

  it('answers GET / without a key: the built page, revalidated each visit, under a strict Content-Security-Policy', async () => {
    const page = await get('/');
    expect(page.statusCode).toBe(200);
    expect(page.body).toBe(PAGE);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['content-security-policy']).toBe(CONSOLE_PAGE_CSP);
    expect(CONSOLE_PAGE_CSP).toContain("script-src 'self';");
    expect(CONSOLE_PAGE_CSP).not.toContain('unsafe');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('serves a new build of the page once it replaced the old one', async () => {
    const next = PAGE.replace('AbC123', 'Zzz999');
    writeFileSync(join(dir, 'index.html'), next);
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'index.html'), later, later);
    expect((await get('/')).body).toBe(next);
    writeFileSync(join(dir, 'index.html'), PAGE);
  });

  it('serves the hashed assets with their types, cached for good, and 304 to a browser that holds them', async () => {
    const script = await get('/assets/index-AbC123.js');
    expect(script.statusCode).toBe(200);
    expect(script.body).toBe('console.log(1);\n');
    expect(script.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(script.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const style = await get('/assets/index-Def456.css');
    expect(style.headers['content-type']).toBe('text/css; charset=utf-8');
    const again = await get('/assets/index-AbC123.js', { 'if-none-match': String(script.headers.etag) });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
  });

  it('answers any other name under /assets with a 404 error envelope, and serves nothing outside the build', async () => {
    for (const name of [
      'index-Nope.js',
      'secret.txt',
      '..%2Fsecret.txt',
      '%2e%2e%2findex.html',
      '.hidden.js',
      'index-AbC123.js%00',
      'index.html',
    ]) {
      const answer = await get(`/assets/${name}`);
      expect({ name, status: answer.statusCode, code: answer.json().error.code, type: answer.json().error.type }).toEqual({
        name,
        status: 404,
        code: 'not_found',
        type: 'invalid_request_error',
      });
    }
    expect((await get('/assets/index-Nope.js')).json().error.message).toBe(
      "Unknown console file: /assets/index-Nope.js (the console's page names the files of its current build)",
    );
    expect((await get('/secret.txt')).statusCode).toBe(404);
  });

  it('says how to build the console when it is not built', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'console-none-'));
    const bare = await boot(empty);
    try {
      const answer = await bare.getHttpAdapter().getInstance().inject({ method: 'GET', url: '/' });
      expect(answer.statusCode).toBe(404);
      expect(answer.json().error).toMatchObject({ code: 'not_found', message: expect.stringContaining('`npm run build` builds it') });
    } finally {
      await bare.close();
      rmSync(empty, { recursive: true, force: true });
    }
  });

  it('finds the build in dist/console of the repository, from the sources or from dist', () => {
    const root = join(__dirname, '..', '..', '..', '..');
    expect(builtConsoleDir(__dirname)).toBe(join(root, 'dist', 'console'));
    expect(builtConsoleDir(join(root, 'dist', 'apps', 'gateway', 'src', 'console'))).toBe(join(root, 'dist', 'console'));
  });
});
