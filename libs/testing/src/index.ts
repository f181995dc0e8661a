export * from './test-database';
export * from './test-nats';
export * from './test-app';
export * from './app-process';
export * from './polling.util';
export * from './chunks.util';
export * from './openapi-validator';
export * from './credit-code.factory';
