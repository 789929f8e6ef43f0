export * from './infrastructure';
export * from './processes';
export * from './in-process-service';
export * from './fake-billing';
export * from './stack';
export * from './eventually';
