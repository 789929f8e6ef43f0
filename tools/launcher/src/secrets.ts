import { randomBytes } from 'crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { generateApiKey } from '@switchyard/contracts';

/** A secret from the environment, or from the data folder, or generated into it on first boot. */
function readOrCreate(
  dataDir: string,
  file: string,
  fromEnv: string | undefined,
  generate: () => string,
): { value: string; generated: boolean } {
  if (fromEnv) return { value: fromEnv, generated: false };
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, file);
  if (existsSync(path)) return { value: readFileSync(path, 'utf8').trim(), generated: false };
  const value = generate();
  writeFileSync(path, `${value}\n`, { mode: 0o600 });
  return { value, generated: true };
}

export function adminKey(dataDir: string, env: NodeJS.ProcessEnv) {
  return readOrCreate(dataDir, 'admin-key', env.SWITCHYARD_ADMIN_KEY, generateApiKey);
}

export function secretKey(dataDir: string, env: NodeJS.ProcessEnv) {
  return readOrCreate(dataDir, 'secret-key', env.SWITCHYARD_SECRET_KEY, () => randomBytes(32).toString('base64url'));
}
