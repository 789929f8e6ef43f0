import { MockUpstream } from './mock-upstream';

/** `node main.js [--port N] [--latency-ms N]`; prints one JSON line with its URL when listening. */
function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

async function main(): Promise<void> {
  const mock = new MockUpstream({
    port: Number(arg('--port') ?? process.env.MOCK_UPSTREAM_PORT ?? 0),
    apiKey: arg('--api-key') ?? process.env.MOCK_UPSTREAM_API_KEY,
    latencyMs: Number(arg('--latency-ms') ?? process.env.MOCK_UPSTREAM_LATENCY_MS ?? 0),
  });
  const url = await mock.start();
  process.stdout.write(`${JSON.stringify({ mock_upstream: url })}\n`);
  const stop = () => void mock.stop().then(() => process.exit(0));
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
