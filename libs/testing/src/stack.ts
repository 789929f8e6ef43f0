import { readdirSync, readFileSync } from 'fs';
import { join } from 'path';
import { ApiClient, components, createApiClient, dataOf } from '@switchyard/api-client';
import { compiledMain, freePort, ManagedProcess, spawnNode } from '@switchyard/runtime';
import { freshDatabase, TestDatabase, tempDir } from './infrastructure';
import { validatingFetch } from './gateway-contract';
import { startServiceProcess } from './processes';

export interface RunningStack {
  gatewayUrl: string;
  /** every gateway replica's URL (SWITCHYARD_REPLICAS=gateway=N runs N, each on its own port) */
  gatewayUrls: string[];
  adminKey: string;
  mockUrl: string;
  natsUrl: string;
  s3Endpoint: string;
  dataDir: string;
  /** the stack's own database, for tests that check what services stored */
  databaseUrl: string;
  /** how the launcher deployed the services */
  mode: StackMode;
  /** pid of each process the launcher runs, by name; in single mode every service name maps to the one process */
  pids: Record<string, number>;
  launcher: ManagedProcess;
  stop(): Promise<void>;
}

/** `single`: every service in one process (the default of `npm start`); `split`: one process per service. */
export type StackMode = 'single' | 'split';

/**
 * Starts the system exactly as `npm start` does (the launcher process, on its embedded default:
 * its own nats-server and s3rver), on a fresh database and a temporary data folder. The mode is
 * `options.mode`, else SWITCHYARD_MODE of `extraEnv`, else the launcher's default (single); a spec
 * that needs separate processes (it kills one service, runs replicas) pins `split` and says why.
 */
export async function startStackLikeNpmStart(extraEnv: NodeJS.ProcessEnv = {}, options: { mode?: StackMode } = {}): Promise<RunningStack> {
  const db: TestDatabase = await freshDatabase('e2e');
  const data = tempDir('e2e-data');
  const port = await freePort();
  const adminKey = 'sk-sy-e2e-admin-key-0123456789abcdefghijkl';
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of ['NATS_URL', 'S3_ENDPOINT', 'S3_ACCESS_KEY', 'S3_SECRET_KEY', 'SWITCHYARD_SECRET_KEY']) delete env[name];
  // the test runner's own SWITCHYARD_MODE does not leak in: the spec says which mode it needs
  delete env.SWITCHYARD_MODE;
  Object.assign(
    env,
    {
      SWITCHYARD_DATA_DIR: data.path,
      PORT: String(port),
      DATABASE_URL: db.url,
      SWITCHYARD_ADMIN_KEY: adminKey,
      LOG_LEVEL: 'warn',
      // no load balancer polls the test's gateways: they need not keep serving before they close
      SWITCHYARD_SHUTDOWN_DRAIN_DELAY_MS: '0',
    },
    extraEnv,
  );
  if (options.mode) env.SWITCHYARD_MODE = options.mode;
  const launcher = spawnNode({ name: 'launcher', script: compiledMain('tools/launcher'), env, logDir: join(data.path, 'launcher-log') });
  try {
    await launcher.waitForLine(/Switchyard is running/, 90_000);
  } catch (error) {
    await launcher.stop();
    await db.drop();
    throw error;
  }
  const info = JSON.parse(readFileSync(join(data.path, 'stack.json'), 'utf8'));
  return {
    gatewayUrl: info.gateway_url,
    gatewayUrls: info.gateway_urls,
    adminKey,
    mockUrl: info.mock_upstream_url,
    natsUrl: info.nats_url,
    s3Endpoint: info.s3_endpoint,
    dataDir: data.path,
    databaseUrl: db.url,
    mode: info.mode,
    pids: info.pids,
    launcher,
    async stop() {
      await launcher.stop(15_000);
      await db.drop();
      data.remove();
    },
  };
}

/** The pid of the process serving `service` (a replica's name, e.g. `router-2`, in split mode); throws when none does. */
export function servicePid(stack: Pick<RunningStack, 'pids'>, service: string): number {
  const pid = stack.pids[service];
  if (pid === undefined) throw new Error(`no process serves ${service} (processes: ${Object.keys(stack.pids).join(', ')})`);
  return pid;
}

export interface ApiAnswer {
  status: number;
  headers: Headers;
  /** parsed JSON, or the text when it is not JSON */
  body: any;
}

/** Raw HTTP against the gateway: `call(method, path, key, body?, headers?)`; each answer is checked against the OpenAPI document. */
export function apiCaller(stack: { gatewayUrl: string }) {
  return async (
    method: string,
    path: string,
    key: string | null,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiAnswer> => {
    const response = await validatingFetch(`${stack.gatewayUrl}${path}`, {
      method,
      headers: {
        ...(key ? { authorization: `Bearer ${key}` } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text;
    }
    return { status: response.status, headers: response.headers, body: json };
  };
}

/**
 * The typed client of the gateway's API (its types generated from the OpenAPI document), calling with
 * `key`: the admin's unless another is given, none when `null`; each answer is checked against the document.
 */
export function apiClient(stack: Pick<RunningStack, 'gatewayUrl' | 'adminKey'>, key: string | null = stack.adminKey): ApiClient {
  return createApiClient({ baseUrl: stack.gatewayUrl, apiKey: key, fetch: validatingFetch });
}

/**
 * One more gateway process on the stack's NATS and S3 (the launcher runs one; operators put more
 * behind their own load balancer).
 */
export async function startExtraGateway(stack: RunningStack): Promise<{ url: string; stop(): Promise<void> }> {
  const port = await freePort();
  const gateway = await startServiceProcess(
    'gateway',
    {
      NATS_URL: stack.natsUrl,
      S3_ENDPOINT: stack.s3Endpoint,
      S3_ACCESS_KEY: 'S3RVER',
      S3_SECRET_KEY: 'S3RVER',
      PORT: String(port),
      LOG_LEVEL: 'warn',
      SWITCHYARD_SHUTDOWN_DRAIN_DELAY_MS: '0',
    },
    'gateway-2',
  );
  return { url: `http://127.0.0.1:${port}`, stop: () => gateway.stop() };
}

/** Who {@link createUserWithKey} creates: 5 USD of credit, role `user` and the default scopes unless said otherwise. */
export interface NewUser {
  name: string;
  credits?: number;
  role?: components['schemas']['CreateUserBody']['role'];
  scopes?: components['schemas']['CreateKeyBody']['scopes'];
}

/** A new user with credits and one key, created through the admin API. */
export async function createUserWithKey(stack: RunningStack, options: NewUser): Promise<{ userId: string; key: string }> {
  const admin = apiClient(stack);
  const user = dataOf(
    await admin.POST('/admin/users', { body: { name: options.name, credits: options.credits ?? 5, role: options.role ?? 'user' } }),
  );
  const key = dataOf(
    await admin.POST('/admin/users/{user_id}/keys', { params: { path: { user_id: user.id } }, body: { scopes: options.scopes } }),
  );
  return { userId: user.id, key: key.key };
}

/** The file ids whose bytes the embedded S3 server holds for the admin user. */
export async function adminStoredFileIds(stack: RunningStack): Promise<string[]> {
  const users = dataOf(await apiClient(stack).GET('/admin/users'));
  const folder = join(stack.dataDir, 's3', 'switchyard', 'files', users.data.find((u) => u.role === 'admin')!.id);
  return readdirSync(folder)
    .filter((name) => name.endsWith('._S3rver_object'))
    .map((name) => name.replace('._S3rver_object', ''));
}
