export * from './catalog';
export * from './registry';
export * from './server';
