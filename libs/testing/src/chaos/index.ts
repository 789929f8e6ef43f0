export * from './outcomes';
export * from './steady-load';
export * from './invariants';
export * from './faults';
export * from './misbehaviour';
export * from './owned-infrastructure';
export * from './service-processes';
export * from './harness';
