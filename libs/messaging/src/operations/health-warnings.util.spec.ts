import type { ConsumerState } from './consumer-states';
import { consumerWarnings, outboxWarnings } from './health-warnings.util';
import type { OutboxStatus } from './outbox-status';

const outbox = (changes: Partial<OutboxStatus>): OutboxStatus => ({
  name: 'intake.outbox',
  waiting: 0,
  oldestWaitingSeconds: null,
  refused: 0,
  refusedEvents: [],
  resendable: true,
  ...changes,
});

const consumer = (changes: Partial<ConsumerState>): ConsumerState => ({
  stream: 'INTAKE',
  durable: 'dispatch-officers',
  subject: 'intake.officers.upserted.v1',
  pending: 0,
  awaitingAck: 0,
  redelivered: 0,
  oldestWaitingSeconds: null,
  lastDeliveredAt: null,
  sinceStart: { handled: 0, redelivered: 0, deadLettered: 0 },
  lastFailure: null,
  ...changes,
});

describe('what the health page calls stuck', () => {
  it('says nothing of an outbox sending as it should, even with events in flight', () => {
    expect(outboxWarnings(outbox({ waiting: 500, oldestWaitingSeconds: 2 }))).toEqual([]);
  });

  it('warns of an outbox whose oldest event has waited a minute, and of every event set aside', () => {
    expect(outboxWarnings(outbox({ waiting: 3, oldestWaitingSeconds: 90, refused: 2 }))).toEqual([
      { code: 'outbox_behind', waiting: 3, seconds: 90 },
      { code: 'outbox_refused', count: 2 },
    ]);
  });

  it('warns of a consumer whose handler failed three times in a row, with its words', () => {
    const failure = { message: 'database unreachable', at: '2026-12-01T00:00:00.000Z', inARow: 3 };
    expect(consumerWarnings(consumer({ awaitingAck: 1, lastFailure: { ...failure, inARow: 2 } }))).toEqual([]);
    expect(consumerWarnings(consumer({ awaitingAck: 1, lastFailure: failure }))).toEqual([
      { code: 'consumer_failing', inARow: 3, message: 'database unreachable', at: failure.at },
    ]);
  });

  it('warns of a consumer whose oldest unfinished message has waited five minutes', () => {
    expect(consumerWarnings(consumer({ pending: 40, awaitingAck: 2, oldestWaitingSeconds: 299 }))).toEqual([]);
    expect(consumerWarnings(consumer({ pending: 40, awaitingAck: 2, oldestWaitingSeconds: 301 }))).toEqual([
      { code: 'consumer_behind', waiting: 42, seconds: 301 },
    ]);
  });
});
