export * from './tracing-settings';
export * from './span-attributes';
export * from './tracing';
export * from './tracing-test-kit';
export { EMPTY_CONTEXT } from './context-manager';
