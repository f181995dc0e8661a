import type { NatsConnection } from '@nats-io/transport-node';
import { originalPublished } from './dead-letters';
import { DurableConsumer, PoisonMessage } from './durable.consumer';

export interface Subscription {
  stream: string;
  durable: string;
  /** One subject per consumer: a server before 2.10 takes one filter, and each subject keeps its order. */
  subject: string;
}

/** When the stream first stored the message (ns since the epoch); a replayed dead letter keeps its first time. */
export interface Delivery {
  publishedNanos: bigint;
}

/** Handles one decoded payload; throw PoisonMessage for one that can never be taken. */
export type Route = (payload: unknown, delivery: Delivery) => Promise<void>;

/** The JSON of a message, or PoisonMessage: text that is not JSON will not parse on a retry either. */
export function parsePayload(data: Uint8Array): unknown {
  try {
    return JSON.parse(new TextDecoder().decode(data));
  } catch {
    throw new PoisonMessage('payload is not JSON');
  }
}

/** Durable consumers for a set of subjects, each message decoded and sent to its subject's route. */
export class RoutedConsumers {
  private readonly consumers: DurableConsumer[] = [];

  constructor(
    private readonly nc: NatsConnection,
    private readonly subscriptions: Subscription[],
    private readonly routes: Record<string, Route>,
  ) {}

  async start(): Promise<void> {
    for (const { stream, durable, subject } of this.subscriptions) {
      const consumer = new DurableConsumer(this.nc, {
        stream,
        durable,
        filterSubject: subject,
        handle: async (msg) => {
          const route = this.routes[msg.subject];
          if (!route) throw new PoisonMessage(`no route for ${msg.subject}`);
          await route(parsePayload(msg.data), { publishedNanos: originalPublished(msg) });
        },
      });
      await consumer.start();
      this.consumers.push(consumer);
    }
  }

  async stop(): Promise<void> {
    await Promise.all(this.consumers.map((c) => c.stop()));
  }
}
