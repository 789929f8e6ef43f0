import { mkdirSync } from 'fs';
// s3rver ships no types
// eslint-disable-next-line @typescript-eslint/no-require-imports
const S3rver = require('s3rver');

export interface EmbeddedS3 {
  endpoint: string;
  accessKey: string;
  secretKey: string;
  close(): Promise<void>;
}

/** A real S3-protocol server on a data folder: the embedded default and the test server. */
export async function startEmbeddedS3(options: { directory: string; port?: number; address?: string }): Promise<EmbeddedS3> {
  mkdirSync(options.directory, { recursive: true });
  const server = new S3rver({
    port: options.port ?? 0,
    address: options.address ?? '127.0.0.1',
    directory: options.directory,
    silent: true,
    allowMismatchedSignatures: false,
  });
  const { address, port } = (await server.run()) as { address: string; port: number };
  return {
    endpoint: `http://${address}:${port}`,
    accessKey: 'S3RVER',
    secretKey: 'S3RVER',
    close: () => server.close(),
  };
}
