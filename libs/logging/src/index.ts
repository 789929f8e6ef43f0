export * from './levels';
export * from './logger';
export * from './lifecycle';
