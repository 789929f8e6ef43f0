export * from './data-source';
export * from './transformers';
export * from './prepared';
