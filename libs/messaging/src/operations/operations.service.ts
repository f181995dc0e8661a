import { Inject, Injectable } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { NATS_CONNECTION } from '../nats.module';
import { consumerStates, type ConsumerState } from './consumer-states';
import { consumerWarnings, outboxWarnings, type HealthWarning } from './health-warnings.util';
import type { OutboxSource, OutboxStatus } from './outbox-status';

export const OPERATIONS_APP = Symbol('OPERATIONS_APP');
export const OUTBOX_SOURCES = Symbol('OUTBOX_SOURCES');

/** One app's delivery: its outboxes and its durable consumers, each with what looks stuck. */
export interface DeliveryStatus {
  app: string;
  checkedAt: string;
  outboxes: (OutboxStatus & { warnings: HealthWarning[] })[];
  consumers: (ConsumerState & { warnings: HealthWarning[] })[];
  /** Set when JetStream did not answer: the consumers are then unknown, not idle. */
  natsProblem: string | null;
}

@Injectable()
export class OperationsService {
  constructor(
    @Inject(OPERATIONS_APP) private readonly app: string,
    @Inject(OUTBOX_SOURCES) private readonly outboxes: OutboxSource[],
    @Inject(NATS_CONNECTION) private readonly nc: NatsConnection,
  ) {}

  async status(): Promise<DeliveryStatus> {
    const [outboxes, consumers] = await Promise.all([
      Promise.all(this.outboxes.map((source) => source.status())),
      consumerStates(this.nc, this.app).then(
        (states) => ({ states, problem: null }),
        (error: Error) => ({ states: [] as ConsumerState[], problem: error.message || String(error) }),
      ),
    ]);
    return {
      app: this.app,
      checkedAt: new Date().toISOString(),
      outboxes: outboxes.map((outbox) => ({ ...outbox, warnings: outboxWarnings(outbox) })),
      consumers: consumers.states.map((consumer) => ({ ...consumer, warnings: consumerWarnings(consumer) })),
      natsProblem: consumers.problem,
    };
  }

  /** Puts a set-aside event of the app's own outbox back in line; null when there is no such event. */
  async resend(id: number): Promise<{ id: number; subject: string; outbox: string } | null> {
    const own = this.outboxes.find((source) => source.resend);
    const resent = await own?.resend?.(id);
    return own && resent ? { ...resent, outbox: own.name } : null;
  }
}
