import { Logger } from '@nestjs/common';
import { AckPolicy, DeliverPolicy, jetstream, jetstreamManager, type ConsumerMessages, type JsMsg } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { headers, type MsgHdrs } from '@nats-io/transport-node';
import { STREAMS } from '@tianping/contracts';
import { jetstreamHandleSeconds, jetstreamMessages, redactText } from '@tianping/observability';
import { noteConsumerFailure, noteConsumerSuccess } from './consumer-failures';
import { ORIGINAL_PUBLISHED_HEADER, originalPublished } from './dead-letters';
import { ensureStreams, isNotFound } from './nats.connection';
import { retryWhileNatsAway } from './nats-startup.util';
import { isUnavailable } from './unavailable.util';

/** NATS's default max_payload, for a connection that has not heard the server's yet. */
const DEFAULT_MAX_PAYLOAD = 1024 * 1024;
/** Room kept for the headers JetStream adds (Nats-Msg-Id) and the header block's framing. */
const HEADER_MARGIN = 512;

/** Bytes a header block takes on the wire ("NATS/1.0\r\n", "Name: value\r\n" per value, "\r\n"). */
function headerBytes(h: MsgHdrs): number {
  let n = 12;
  for (const [name, values] of h) for (const value of values) n += Buffer.byteLength(name) + Buffer.byteLength(value) + 4;
  return n;
}

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

/** Half a second, doubling with each try, at most 30 s: between a message's deliveries and between attempts to consume again. */
function backoffMs(tries: number): number {
  return Math.min(30_000, 500 * 2 ** Math.min(tries, 16));
}

/** A message that no retry can fix (malformed, invalid): it goes straight to the dead letters. */
export class PoisonMessage extends Error {}

/**
 * A durable pull consumer with explicit acks and bounded redelivery. Handlers must be idempotent:
 * delivery is at least once. Exhausted or poison messages go to `deadletter.<stream>.<durable>`;
 * failures because a server is unavailable are retried for as long as it takes.
 */
export class DurableConsumer {
  private readonly logger = new Logger(DurableConsumer.name);
  private messages?: ConsumerMessages;
  private loop?: Promise<void>;
  private stopped = false;
  private recovering: Promise<void> | null = null;

  constructor(
    private readonly nc: NatsConnection,
    private readonly options: DurableConsumerOptions,
  ) {}

  /** Starts consuming; while NATS is restarting it waits (up to NATS_STARTUP_TIMEOUT_MS) rather than fail the app's start. */
  start(): Promise<void> {
    return retryWhileNatsAway(() => this.open(), {
      onRetry: (error) => this.logger.warn(`${this.options.durable}: NATS not answering yet (${(error as Error).message}): waiting`),
    });
  }

  private async open(): Promise<void> {
    const { stream, durable, filterSubject } = this.options;
    const jsm = await jetstreamManager(this.nc);
    const config = {
      durable_name: durable,
      ack_policy: AckPolicy.Explicit,
      deliver_policy: DeliverPolicy.All,
      filter_subject: filterSubject,
      // Unbounded on the server: this consumer counts deliveries itself and dead-letters at maxDeliver.
      // A bounded server would stop delivering a message whose dead-lettering failed, and it would be lost.
      max_deliver: -1,
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
    const messages = await consumer.consume({ max_messages: 16 });
    this.messages = messages;
    this.loop = this.run(messages);
    void this.watch(messages);
  }

  /**
   * The consumer or its stream gone (NATS restarted without its data, or an operator deleted them):
   * the pull would wait for ever. The stream is made again if it is the suite's, the consumer too,
   * and consuming goes on from what the stream holds.
   */
  private async watch(messages: ConsumerMessages): Promise<void> {
    for await (const status of messages.status()) {
      if (this.stopped || this.messages !== messages) return;
      if (status.type === 'consumer_deleted' || status.type === 'consumer_not_found' || status.type === 'stream_not_found') {
        this.logger.warn(`${this.options.durable}: ${status.type.replace(/_/g, ' ')} on ${this.options.stream}: making it again`);
        void this.recover(messages);
        return;
      }
    }
  }

  private recover(messages: ConsumerMessages): Promise<void> {
    this.recovering ??= (async () => {
      // The message in hand is finished first: one consumer handles one message at a time.
      const previous = this.loop;
      await messages.close().catch(() => undefined);
      await previous;
      for (let attempt = 0; !this.stopped; attempt++) {
        try {
          const definition = Object.values(STREAMS).find((s) => s.name === this.options.stream);
          if (definition) await ensureStreams(this.nc, [definition]);
          await this.open();
          return;
        } catch (error) {
          this.logger.warn(`${this.options.durable}: could not consume ${this.options.stream} again yet: ${(error as Error).message}`);
          await new Promise((resolve) => setTimeout(resolve, backoffMs(attempt)));
        }
      }
    })().finally(() => (this.recovering = null));
    return this.recovering;
  }

  private async run(messages: ConsumerMessages): Promise<void> {
    const { stream, durable } = this.options;
    for await (const msg of messages) {
      const end = jetstreamHandleSeconds.startTimer({ durable });
      try {
        await this.options.handle(msg);
        msg.ack();
        jetstreamMessages.inc({ stream, durable, outcome: 'handled' });
        noteConsumerSuccess(durable);
      } catch (error) {
        noteConsumerFailure(durable, error);
        await this.fail(msg, error as Error).catch((failure: Error) => {
          // Not even the dead letters would take it (NATS away, say): it stays unacknowledged and comes
          // back later. The loop goes on: one message must never stop a consumer or crash the app.
          this.logger.warn(`${this.options.durable}: could not dead-letter ${msg.subject}#${msg.seq}: ${failure.message}`);
          msg.nak(this.retryDelay(msg));
        });
      } finally {
        end();
      }
    }
  }

  private retryDelay(msg: JsMsg): number {
    return backoffMs(msg.info.deliveryCount);
  }

  private async fail(msg: JsMsg, error: Error): Promise<void> {
    // PostgreSQL away (restarting, failing over) is not the message's fault: it waits without using up its tries.
    const exhausted = msg.info.deliveryCount >= (this.options.maxDeliver ?? 5) && !isUnavailable(error);
    if (error instanceof PoisonMessage || exhausted) {
      await this.deadLetter(msg, error);
      msg.term();
      jetstreamMessages.inc({ stream: this.options.stream, durable: this.options.durable, outcome: 'dead_lettered' });
      return;
    }
    this.logger.warn(`${this.options.durable}: delivery ${msg.info.deliveryCount} of ${msg.subject} failed: ${redactText(error.message)}`);
    msg.nak(this.retryDelay(msg));
    jetstreamMessages.inc({ stream: this.options.stream, durable: this.options.durable, outcome: 'redelivered' });
  }

  private async deadLetter(msg: JsMsg, error: Error): Promise<void> {
    const h = headers();
    h.set('Tianping-Original-Subject', msg.subject);
    h.set('Tianping-Original-Stream', this.options.stream);
    h.set('Tianping-Original-Sequence', String(msg.seq));
    h.set(ORIGINAL_PUBLISHED_HEADER, originalPublished(msg).toString());
    // Operators read this header; an error that quotes a value must not carry an ID or phone number there.
    h.set('Tianping-Error', redactText(error.message).slice(0, 500));
    h.set('Tianping-Deliveries', String(msg.info.deliveryCount));
    // A message as large as the server allows has no room for these headers: its dead letter keeps
    // what fits and says so; the whole message stays in its own stream, where replay fetches it.
    const room = (this.nc.info?.max_payload ?? DEFAULT_MAX_PAYLOAD) - HEADER_MARGIN - headerBytes(h) - 64;
    let data = msg.data;
    if (data.length > room) {
      h.set('Tianping-Payload-Truncated', String(msg.data.length));
      data = msg.data.subarray(0, Math.max(0, room));
    }
    await jetstream(this.nc).publish(`deadletter.${this.options.stream}.${this.options.durable}`, data, {
      headers: h,
      msgID: `dl-${this.options.stream}-${this.options.durable}-${msg.seq}`,
    });
    // Redacted here, not only by the apps' logger: the command line's consumers log through Nest's own.
    this.logger.warn(`${this.options.durable}: ${msg.subject}#${msg.seq} moved to dead letters: ${redactText(error.message)}`);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    await this.recovering;
    await this.messages?.close();
    await this.loop;
  }
}
