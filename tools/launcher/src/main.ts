import { freePort } from '@switchyard/runtime';
import { startStack } from './stack';

function print(line: string): void {
  process.stdout.write(`${line}\n`);
}

async function main(): Promise<void> {
  const env = { ...process.env };
  if (env.PORT === '0') env.PORT = String(await freePort());
  const stack = await startStack(env, (line) => print(`[switchyard] ${line}`));
  print('');
  print(`Switchyard is running.`);
  print(`  gateway:    ${stack.gatewayUrl}`);
  if (stack.gatewayUrls.length > 1)
    print(`  gateways:   ${stack.gatewayUrls.join('  ')}   (one per replica: put them behind your load balancer, readiness GET /ready)`);
  print(`  console:    ${stack.gatewayUrl}/   (sign in with the admin key below)`);
  print(`  API docs:   ${stack.gatewayUrl}/docs   (paste the key under Authorize, then "Try it out")`);
  print(`  OpenAPI:    ${stack.gatewayUrl}/openapi.json   (also /openapi.yaml)`);
  print(`  admin key:  ${stack.adminKey}${stack.adminKeyGenerated ? '   (generated; stored in ' + stack.dataDir + '/admin-key)' : ''}`);
  print(
    `  services:   ${stack.mode === 'single' ? 'all five in one process (SWITCHYARD_MODE=split: one process each)' : 'one process each (SWITCHYARD_MODE=split)'}`,
  );
  print(`  data:       ${stack.dataDir}   logs: ${stack.dataDir}/logs`);
  print(`  demo:       channel "demo-mock" → mock upstream ${stack.mockUrl} (models mock-gpt, mock-embedding) [${stack.seed}]`);
  print('');
  print(`Try it:`);
  print(`  curl ${stack.gatewayUrl}/v1/chat/completions -H "Authorization: Bearer ${stack.adminKey}" \\`);
  print(`    -H "Content-Type: application/json" -d '{"model":"mock-gpt","messages":[{"role":"user","content":"hello"}]}'`);
  print('');
  print('Press Ctrl+C to stop.');
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    print('[switchyard] stopping...');
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

main().catch((error) => {
  process.stderr.write(`[switchyard] could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
