import { readFileSync } from 'fs';
import { dirname, join } from 'path';
import { runInNewContext } from 'vm';
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
import { DocsPageController } from './docs-page.controller';
import { RENDERER_FILE_NAMES, RENDERER_VERSION } from './renderer-files';

const packageDir = dirname(require.resolve('swagger-ui-dist/package.json'));

/** The real guard and error filter; every key is refused, so only a public route answers. */
@Module({
  controllers: [DocsPageController],
  providers: [
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
class DocsModule {}

describe('DocsPageController', () => {
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(DocsModule, new FastifyAdapter(), { logger: false });
    await app.init();
    fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
  });

  afterAll(() => app?.close());

  const get = (url: string, headers: Record<string, string> = {}) => fastify.inject({ method: 'GET', url, headers });

  /** Every URL the page loads, from its src and href attributes. */
  async function pageUrls(): Promise<string[]> {
    return [...(await get('/docs')).body.matchAll(/(?:src|href)="([^"]+)"/g)].map((m) => m[1]);
  }

  it('answers GET /docs without a key: an HTML page under a strict Content-Security-Policy', async () => {
    const page = await get('/docs');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['content-security-policy']).toBe(
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; media-src 'self' blob:; " +
        "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'",
    );
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect(page.headers['x-content-type-options']).toBe('nosniff');
  });

  it('runs no inline script or style and loads nothing from another site', async () => {
    const html = (await get('/docs')).body;
    expect(html.match(/<script\b[^>]*>/g)).toEqual([expect.stringContaining(' src="/docs/'), expect.stringContaining(' src="/docs/')]);
    expect(html).not.toMatch(/<script\b[^>]*>[^<]/);
    expect(html).not.toMatch(/<style\b|\sstyle=|\son[a-z]+=/i);
    expect((await pageUrls()).filter((url) => !url.startsWith('/'))).toEqual([]);
  });

  it('serves every file the page loads, each with its type', async () => {
    const types: Record<string, string> = {
      '/docs/swagger-ui.css': 'text/css; charset=utf-8',
      '/docs/index.css': 'text/css; charset=utf-8',
      '/docs/favicon-32x32.png': 'image/png',
      '/docs/favicon-16x16.png': 'image/png',
      '/docs/swagger-ui-bundle.js': 'text/javascript; charset=utf-8',
      '/docs/init.js': 'text/javascript; charset=utf-8',
    };
    const urls = await pageUrls();
    // and a link to the document, for a browser without JavaScript
    expect(urls.map((url) => url.split('?')[0]).sort()).toEqual([...Object.keys(types), '/openapi.json'].sort());
    for (const url of urls.filter((u) => u.startsWith('/docs/'))) {
      const answer = await get(url);
      expect({ url, status: answer.statusCode, type: answer.headers['content-type'] }).toEqual({
        url,
        status: 200,
        type: types[url.split('?')[0]],
      });
    }
  });

  it("serves the renderer's listed files as the installed package holds them, versioned and cached for good", async () => {
    expect(RENDERER_VERSION).toBe(JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')).version);
    for (const name of RENDERER_FILE_NAMES) {
      const answer = await get(`/docs/${name}?v=${RENDERER_VERSION}`);
      expect(answer.rawPayload.equals(readFileSync(join(packageDir, name)))).toBe(true);
      expect(answer.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
    const rendererUrls = (await pageUrls()).filter((url) => RENDERER_FILE_NAMES.some((name) => url.startsWith(`/docs/${name}`)));
    expect(rendererUrls.sort()).toEqual(RENDERER_FILE_NAMES.map((name) => `/docs/${name}?v=${RENDERER_VERSION}`).sort());
  });

  it('starts Swagger UI on /openapi.json, with every method open to "try it out", keeping no key beyond the page', async () => {
    const script = await get('/docs/init.js');
    expect(script.headers['cache-control']).toBe('no-cache');
    const started: unknown[] = [];
    const window: Record<string, unknown> = {};
    const SwaggerUIBundle = (settings: unknown) => {
      started.push(settings);
      return 'the ui';
    };
    runInNewContext(script.body, { window, SwaggerUIBundle });
    expect(started).toEqual([
      {
        url: '/openapi.json',
        dom_id: '#swagger-ui',
        deepLinking: true,
        supportedSubmitMethods: ['get', 'put', 'post', 'delete', 'options', 'head', 'patch'],
        displayRequestDuration: true,
        persistAuthorization: false,
        validatorUrl: null,
      },
    ]);
    expect(window.ui).toBe('the ui');
  });

  it('answers 304 to a browser that holds the current version, and the file again when it changed', async () => {
    for (const url of ['/docs', '/docs/init.js', '/docs/swagger-ui.css']) {
      const first = await get(url);
      const etag = String(first.headers.etag);
      expect(etag).toMatch(/^"[A-Za-z0-9_-]{27}"$/);
      const again = await get(url, { 'if-none-match': `W/"other", ${etag}` });
      expect({ url, status: again.statusCode, body: again.body, etag: again.headers.etag }).toEqual({ url, status: 304, body: '', etag });
      expect((await get(url, { 'if-none-match': '"an-older-one"' })).statusCode).toBe(200);
    }
  });

  it('answers HEAD like GET, without the body', async () => {
    const head = await fastify.inject({ method: 'HEAD', url: '/docs/swagger-ui.css' });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-type']).toBe('text/css; charset=utf-8');
    expect(head.body).toBe('');
  });

  it('serves nothing else of the package, nor any other path, answering as for a path no route serves', async () => {
    const names = [
      'index.html',
      'swagger-initializer.js',
      'swagger-ui-bundle.js.map',
      'swagger-ui.js',
      'swagger-ui-standalone-preset.js',
      'oauth2-redirect.html',
      'package.json',
      'LICENSE',
      'constructor',
      '__proto__',
      'toString',
      '..%2Fpackage.json',
      '%2e%2e%2fswagger-ui-dist%2fpackage.json',
      'swagger-ui.css%00',
      'SWAGGER-UI.CSS',
    ];
    for (const name of names) {
      const answer = await get(`/docs/${name}`);
      expect({ name, status: answer.statusCode, body: answer.json() }).toEqual({
        name,
        status: 404,
        body: { error: { message: `Unknown request URL: GET /docs/${name}`, type: 'invalid_request_error', param: null, code: 'not_found' } },
      });
    }
  });
});
