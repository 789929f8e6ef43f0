import { takeEventLoopDelay } from '@switchyard/runtime';
import { DomainError, HealthReply } from '@switchyard/contracts';
import { instanceId } from './microservice';

/** Runs each named dependency check; answers ok only when all pass. */
export async function checkHealth(service: string, checks: Record<string, () => Promise<unknown>>): Promise<HealthReply> {
  const results: Record<string, 'ok'> = {};
  for (const [name, check] of Object.entries(checks)) {
    try {
      await check();
      results[name] = 'ok';
    } catch (error) {
      throw new DomainError('service_unavailable', `${service}: ${name} check failed: ${(error as Error).message}`);
    }
  }
  return { service, status: 'ok', instance: instanceId(service), checks: results, event_loop_delay_ms: takeEventLoopDelay() };
}
