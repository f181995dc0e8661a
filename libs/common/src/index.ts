export * from './credit-code';
export * from './prng';
export * from './config.util';
export * from './pii.util';
export * from './calendar-day';
export * from './clue-ref.util';
export * from './file-digest';
export * from './poll.util';
