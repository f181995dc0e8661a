import type { ConsumerState } from './consumer-states';
import type { OutboxStatus } from './outbox-status';

/**
 * What looks stuck, as codes with their figures: the pages say them in words. The relay sends every
 * quarter second and a handler takes milliseconds, so waits of these lengths are not ordinary, though
 * a large load (a whole city ingested, a full run) can cause them for a while.
 */
export type HealthWarning =
  | { code: 'outbox_behind'; waiting: number; seconds: number }
  | { code: 'outbox_refused'; count: number }
  | { code: 'consumer_behind'; waiting: number; seconds: number }
  | { code: 'consumer_failing'; inARow: number; message: string; at: string };

export const OUTBOX_BEHIND_SECONDS = 60;
export const CONSUMER_BEHIND_SECONDS = 300;
/** A failure or two is a retry doing its work; three in a row is a handler that keeps failing. */
export const FAILING_IN_A_ROW = 3;

export function outboxWarnings(outbox: OutboxStatus): HealthWarning[] {
  const warnings: HealthWarning[] = [];
  const seconds = outbox.oldestWaitingSeconds ?? 0;
  if (outbox.waiting > 0 && seconds >= OUTBOX_BEHIND_SECONDS) warnings.push({ code: 'outbox_behind', waiting: outbox.waiting, seconds });
  if (outbox.refused > 0) warnings.push({ code: 'outbox_refused', count: outbox.refused });
  return warnings;
}

export function consumerWarnings(consumer: ConsumerState): HealthWarning[] {
  const warnings: HealthWarning[] = [];
  const failure = consumer.lastFailure;
  if (failure && failure.inARow >= FAILING_IN_A_ROW)
    warnings.push({ code: 'consumer_failing', inARow: failure.inARow, message: failure.message, at: failure.at });
  const seconds = consumer.oldestWaitingSeconds ?? 0;
  const waiting = consumer.pending + consumer.awaitingAck;
  if (waiting > 0 && seconds >= CONSUMER_BEHIND_SECONDS) warnings.push({ code: 'consumer_behind', waiting, seconds });
  return warnings;
}
