export * from './object-storage';
export * from './embedded-s3';
