export * from './object-storage';
export * from './object-key';
export * from './embedded-s3';
