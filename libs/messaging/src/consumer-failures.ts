import { redactText } from '@tianping/observability';

/** A durable consumer's failures since it last handled a message: the words an operator needs when it is stuck. */
export interface ConsumerFailure {
  /** The handler's last error, personal data masked. */
  message: string;
  at: string;
  /** Deliveries that failed one after another (retries of one message, or several messages). */
  inARow: number;
}

/** By durable name: names are unique in the suite (each starts with its app's name). */
const failures = new Map<string, ConsumerFailure>();

export function noteConsumerFailure(durable: string, error: unknown): void {
  const inARow = (failures.get(durable)?.inARow ?? 0) + 1;
  const text = String((error as Error)?.message ?? error);
  failures.set(durable, { message: redactText(text).slice(0, 300), at: new Date().toISOString(), inARow });
}

export function noteConsumerSuccess(durable: string): void {
  failures.delete(durable);
}

/** This process's view: null when the consumer's last delivery here succeeded, or none failed. */
export function lastConsumerFailure(durable: string): ConsumerFailure | null {
  return failures.get(durable) ?? null;
}
