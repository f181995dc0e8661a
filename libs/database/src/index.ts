export * from './data-source.factory';
export * from './database.module';
export * from './health.controller';
export * from './http-app.bootstrap';
export * from './newest-by.util';
export * from './database-startup.util';
export * from './prepared-query.util';
export * from './advisory-lock.util';
export { EXPORT_LIMIT_BYTES } from './request-body.util';
