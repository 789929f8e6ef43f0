export * from './tracing-settings';
export * from './span-attributes';
export * from './tracing';
