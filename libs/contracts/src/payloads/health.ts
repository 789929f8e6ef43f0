export interface HealthReply {
  service: string;
  status: 'ok';
  /** instance id, so a caller can tell replicas apart */
  instance: string;
  checks: Record<string, 'ok'>;
  /** this instance's event-loop delay since the previous health check (null on the first) */
  event_loop_delay_ms?: { p50_ms: number; p99_ms: number; max_ms: number } | null;
}
