export * from './nats.connection';
export * from './nats.module';
export * from './outbox.relay';
export * from './durable.consumer';
export * from './dead-letters';
export * from './routed-consumers';
export * from './event-chunks.util';
