export * from './provider-adapter';
export * from './sse';
export * from './openai.adapter';
export * from './registry';
export * from './public-address';
export * from './upstream-http';
