import { Controller, Get, Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { FastifyInstance } from 'fastify';
import { DomainError, Principal } from '@switchyard/contracts';
import { JsonLogger } from '@switchyard/logging';
import { AllExceptionsFilter } from '../http/all-exceptions.filter';
import { Access, Public } from './access';
import { AuthGuard } from './auth.guard';
import { Authenticated, AuthService } from './auth.service';
import { RateLimiter } from './rate-limiter';

const KEYS: Record<string, Principal> = {
  'sk-user': { userId: 'u1', keyId: 'k1', role: 'user', scopes: ['inference'] },
  'sk-admin': { userId: 'u2', keyId: 'k2', role: 'admin', scopes: ['admin', 'inference', 'usage:read'] },
};

/** Every handler that ran, by name: a refused route's handler never does. */
const served: string[] = [];

@Controller('tiny')
class TinyController {
  @Get('unmarked')
  unmarked() {
    served.push('unmarked');
    return { served: true };
  }

  @Get('public')
  @Public()
  open() {
    served.push('public');
    return { served: true };
  }

  @Get('inference')
  @Access('inference')
  inference() {
    served.push('inference');
    return { served: true };
  }
}

@Controller('tiny-admin')
@Access('admin')
class TinyAdminController {
  @Get()
  list() {
    served.push('admin');
    return { served: true };
  }
}

@Controller('tiny-unmarked')
class TinyUnmarkedController {
  @Get()
  list() {
    served.push('unmarked controller');
    return { served: true };
  }
}

/** The real guard and error filter; keys are looked up in KEYS instead of billing, and nobody is rate limited. */
@Module({
  controllers: [TinyController, TinyAdminController, TinyUnmarkedController],
  providers: [
    { provide: APP_GUARD, useClass: AuthGuard },
    { provide: APP_FILTER, useValue: new AllExceptionsFilter(new JsonLogger('gateway', 'error')) },
    {
      provide: AuthService,
      useValue: {
        async authenticateRequest(headers: Record<string, string | undefined>): Promise<Authenticated> {
          const principal = KEYS[headers.authorization?.replace('Bearer ', '') ?? ''];
          if (!principal) throw new DomainError('invalid_api_key', 'no such key');
          return { principal, session: null };
        },
      },
    },
    { provide: RateLimiter, useValue: { acquire: async () => null } },
  ],
})
class TinyModule {}

describe('AuthGuard', () => {
  let app: NestFastifyApplication;
  let fastify: FastifyInstance;

  beforeAll(async () => {
    app = await NestFactory.create<NestFastifyApplication>(TinyModule, new FastifyAdapter(), { logger: false });
    await app.init();
    fastify = app.getHttpAdapter().getInstance();
    await fastify.ready();
  });

  afterAll(() => app?.close());

  beforeEach(() => served.splice(0));

  const get = (url: string, key?: string) => fastify.inject({ method: 'GET', url, headers: key ? { authorization: `Bearer ${key}` } : {} });

  it('refuses a route that declares no access to everyone, admins included, before its handler runs', async () => {
    for (const url of ['/tiny/unmarked', '/tiny-unmarked']) {
      for (const key of [undefined, 'sk-user', 'sk-admin']) {
        const answer = await get(url, key);
        expect(answer.statusCode).toBe(403);
        expect(answer.json()).toEqual({
          error: {
            message: 'This endpoint is closed: it does not declare who may call it',
            type: 'permission_error',
            param: null,
            code: 'permission_denied',
          },
        });
      }
    }
    expect(served).toEqual([]);
  });

  it('lets anyone call a @Public() route, without a key', async () => {
    expect((await get('/tiny/public')).statusCode).toBe(200);
    expect(served).toEqual(['public']);
  });

  it('admits callers of an @Access route by their key, on the method or on the controller', async () => {
    expect((await get('/tiny/inference')).statusCode).toBe(401);
    expect((await get('/tiny/inference', 'sk-user')).statusCode).toBe(200);
    expect((await get('/tiny-admin', 'sk-user')).statusCode).toBe(403);
    expect((await get('/tiny-admin', 'sk-admin')).statusCode).toBe(200);
    expect(served).toEqual(['inference', 'admin']);
  });
});
