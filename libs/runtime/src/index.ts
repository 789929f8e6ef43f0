export * from './paths';
export * from './ports';
export * from './eventually';
export * from './supervisor';
export * from './nats-server';
export * from './event-loop-delay';
export * from './ttl-cache';
export * from './metrics';
