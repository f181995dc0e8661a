export * from './metrics.registry';
export * from './domain.metrics';
export * from './http-metrics.middleware';
export * from './log-redaction.util';
export * from './app.logger';
