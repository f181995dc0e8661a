import { jetstream, jetstreamManager, type JetStreamManager, type JsMsg } from '@nats-io/jetstream';
import { headers, type NatsConnection } from '@nats-io/transport-node';
import { STREAMS } from '@tianping/contracts';
import { isNotFound } from './nats.connection';

/**
 * On a dead letter and its replay: when the stream first stored the message (nanoseconds since the
 * epoch), so that a consumer ordering changes by it sees a replay as the old change it is.
 */
export const ORIGINAL_PUBLISHED_HEADER = 'Tianping-Original-Published';

/**
 * When a message was first stored in its stream, in nanoseconds: the server's clock, so it keeps
 * rising across a stream that is recreated (where sequences start again at 1). A replayed dead
 * letter says its original time in a header.
 */
export function originalPublished(msg: JsMsg): bigint {
  const said = msg.headers?.get(ORIGINAL_PUBLISHED_HEADER);
  return said && /^\d+$/.test(said) ? BigInt(said) : msg.timestampNanos;
}

export interface DeadLetter {
  seq: number;
  subject: string;
  /** The durable consumer that gave it up (its subject is `deadletter.<stream>.<durable>`). */
  durable: string | null;
  originalSubject: string | null;
  originalStream: string | null;
  originalSequence: number | null;
  error: string | null;
  deliveries: number | null;
  at: string;
  bytes: number;
  /** Set when the message was too large to keep whole here: its size; it is whole in its original stream. */
  truncatedFrom: number | null;
}

type StoredDeadLetter = NonNullable<Awaited<ReturnType<JetStreamManager['streams']['getMessage']>>>;

function describe(seq: number, message: StoredDeadLetter): DeadLetter {
  const h = (name: string) => message.header?.get(name) || null;
  return {
    seq,
    subject: message.subject,
    durable: message.subject.split('.').slice(2).join('.') || null,
    originalSubject: h('Tianping-Original-Subject'),
    originalStream: h('Tianping-Original-Stream'),
    originalSequence: h('Tianping-Original-Sequence') ? Number(h('Tianping-Original-Sequence')) : null,
    error: h('Tianping-Error'),
    deliveries: h('Tianping-Deliveries') ? Number(h('Tianping-Deliveries')) : null,
    at: message.time.toISOString(),
    bytes: message.data.length,
    truncatedFrom: h('Tianping-Payload-Truncated') ? Number(h('Tianping-Payload-Truncated')) : null,
  };
}

/** Messages that no retry could deliver, oldest first, for an operator to inspect and replay. */
export async function listDeadLetters(nc: NatsConnection, options: { afterSeq?: number; limit?: number } = {}): Promise<DeadLetter[]> {
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(STREAMS.deadLetter.name);
  const out: DeadLetter[] = [];
  for (let seq = Math.max(info.state.first_seq, (options.afterSeq ?? 0) + 1); seq <= info.state.last_seq && out.length < (options.limit ?? 50); seq++) {
    const message = await jsm.streams.getMessage(STREAMS.deadLetter.name, { seq }).catch(() => null);
    if (!message) continue; // replayed (deleted) or purged
    out.push(describe(seq, message));
  }
  return out;
}

/** One dead letter, or null when there is none by that sequence (never was, or replayed). */
export async function findDeadLetter(nc: NatsConnection, seq: number): Promise<DeadLetter | null> {
  const jsm = await jetstreamManager(nc);
  const message = await jsm.streams.getMessage(STREAMS.deadLetter.name, { seq }).catch((error: unknown) => {
    if (isNotFound(error)) return null;
    throw error;
  });
  return message ? describe(seq, message) : null;
}

/** How many dead letters wait. */
export async function countDeadLetters(nc: NatsConnection): Promise<number> {
  const info = await (await jetstreamManager(nc)).streams.info(STREAMS.deadLetter.name);
  return info.state.messages;
}

export async function deadLetterPayload(nc: NatsConnection, seq: number): Promise<string> {
  return new TextDecoder().decode(await wholePayload(nc, seq));
}

/** The dead letter's payload, or for one too large to keep whole, the original from its own stream. */
export async function wholePayload(nc: NatsConnection, seq: number): Promise<Uint8Array> {
  const jsm = await jetstreamManager(nc);
  const message = await jsm.streams.getMessage(STREAMS.deadLetter.name, { seq });
  if (!message) throw new Error(`no dead letter ${seq}`);
  if (!message.header?.get('Tianping-Payload-Truncated')) return message.data;
  const stream = message.header.get('Tianping-Original-Stream');
  const original = await jsm.streams.getMessage(stream, { seq: Number(message.header.get('Tianping-Original-Sequence')) }).catch(() => null);
  if (!original) throw new Error(`dead letter ${seq} was too large to keep whole, and its original is no longer in ${stream}`);
  return original.data;
}

/**
 * Sends a dead letter back to its original subject (after the cause is fixed) and removes it
 * from the dead letters. If it fails again it comes back as a new dead letter: nothing is lost.
 */
export async function replayDeadLetter(nc: NatsConnection, seq: number): Promise<{ seq: number; republishedTo: string; newSequence: number }> {
  const jsm = await jetstreamManager(nc);
  const message = await jsm.streams.getMessage(STREAMS.deadLetter.name, { seq });
  if (!message) throw new Error(`no dead letter ${seq}`);
  const subject = message.header?.get('Tianping-Original-Subject');
  if (!subject) throw new Error(`dead letter ${seq} does not say where it came from`);
  const h = headers();
  h.set('Tianping-Replayed-From', `${STREAMS.deadLetter.name}#${seq}`);
  const published = message.header?.get(ORIGINAL_PUBLISHED_HEADER);
  if (published) h.set(ORIGINAL_PUBLISHED_HEADER, published);
  const ack = await jetstream(nc).publish(subject, await wholePayload(nc, seq), { headers: h, msgID: `replay-${seq}-${Date.now()}` });
  await jsm.streams.deleteMessage(STREAMS.deadLetter.name, seq);
  return { seq, republishedTo: subject, newSequence: ack.seq };
}
