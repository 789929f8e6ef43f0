export interface HealthReply {
  service: string;
  status: 'ok';
  /** instance id, so a caller can tell replicas apart */
  instance: string;
  checks: Record<string, 'ok'>;
}
