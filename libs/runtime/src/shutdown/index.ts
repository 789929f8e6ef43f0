export * from './readiness';
export * from './shutdown-sequence';
