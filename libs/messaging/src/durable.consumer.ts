import { Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { headers } from '@nats-io/transport-node';
import { isNotFound } from './nats.connection';

export interface DurableConsumerOptions {
  stream: string;
  durable: string;
  /** One subject or wildcard (a server before 2.10 takes only one filter per consumer). */
  filterSubject: string;
  /** Deliveries before a message is moved to the dead-letter stream. */
  maxDeliver?: number;
  ackWaitMs?: number;
  /** Handle one message. Throw PoisonMessage for a message that can never succeed. */
  handle: (msg: JsMsg) => Promise<void>;
}

/** A message that no retry can fix (malformed, invalid): it goes straight to the dead letters. */
export class PoisonMessage extends Error {}

/**
 * A durable pull consumer with explicit acks and bounded redelivery. Handlers must be idempotent:
 * delivery is at least once. Exhausted or poison messages go to `deadletter.<stream>.<durable>`.
 */
export class DurableConsumer {
  private readonly logger = new Logger(DurableConsumer.name);
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;

  constructor(private readonly nc: NatsConnection, private readonly options: DurableConsumerOptions) {}

  async start(): Promise<void> {
    const { stream, durable, filterSubject } = this.options;
    const jsm = await jetstreamManager(this.nc);
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filterSubject,
      max_deliver: this.options.maxDeliver ?? 5,
      ack_wait: (this.options.ackWaitMs ?? 60_000) * 1_000_000,
    };
    try {
      await jsm.consumers.info(stream, durable);
      await jsm.consumers.update(stream, durable, { filter_subject: filterSubject, max_deliver: config.max_deliver, ack_wait: config.ack_wait });
    } catch (error) {
      if (!isNotFound(error)) throw error;
      await jsm.consumers.add(stream, config);
    }
    const consumer = await jetstream(this.nc).consumers.get(stream, durable);
    this.messages = await consumer.consume({ max_messages: 16 });
    this.loop = this.run(this.messages);
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    for await (const msg of messages) {
      try {
        await this.options.handle(msg);
        msg.ack();
      } catch (error) {
        await this.fail(msg, error as Error);
      }
    }
  }

  private async fail(msg: JsMsg, error: Error): Promise<void> {
    const exhausted = msg.info.deliveryCount >= (this.options.maxDeliver ?? 5);
    if (error instanceof PoisonMessage || exhausted) {
      await this.deadLetter(msg, error);
      msg.term();
      return;
    }
    this.logger.warn(`${this.options.durable}: delivery ${msg.info.deliveryCount} of ${msg.subject} failed: ${error.message}`);
    msg.nak(Math.min(30_000, 500 * 2 ** msg.info.deliveryCount));
  }

  private async deadLetter(msg: JsMsg, error: Error): Promise<void> {
    const h = headers();
    h.set('Tianping-Original-Subject', msg.subject);
    h.set('Tianping-Original-Stream', this.options.stream);
    h.set('Tianping-Original-Sequence', String(msg.seq));
    h.set('Tianping-Error', error.message.slice(0, 500));
    h.set('Tianping-Deliveries', String(msg.info.deliveryCount));
    await jetstream(this.nc).publish(`deadletter.${this.options.stream}.${this.options.durable}`, msg.data, {
      headers: h,
      msgID: `dl-${this.options.stream}-${this.options.durable}-${msg.seq}`,
    });
    this.logger.warn(`${this.options.durable}: ${msg.subject}#${msg.seq} moved to dead letters: ${error.message}`);
  }

  async stop(): Promise<void> {
    await this.messages?.close();
    await this.loop;
  }
}
