import { jetstreamManager, type ConsumerInfo, type JetStreamManager, type MsgRequest } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { STREAMS } from '@tianping/contracts';
import { jetstreamMessages } from '@tianping/observability';
import { lastConsumerFailure, type ConsumerFailure } from '../consumer-failures';
import { isNotFound } from '../nats.connection';

/** A durable consumer as JetStream and this instance see it. */
export interface ConsumerState {
  stream: string;
  durable: string;
  subject: string | null;
  /** Messages not yet delivered. */
  pending: number;
  /** Delivered and not yet acknowledged: in hand, or failed and waiting for a retry. */
  awaitingAck: number;
  /** Of those awaiting an ack, how many have been delivered more than once. */
  redelivered: number;
  /** How long the oldest message not yet acknowledged has waited in its stream. */
  oldestWaitingSeconds: number | null;
  lastDeliveredAt: string | null;
  /** This instance's counts since it started (the tianping_jetstream_messages_total metric). */
  sinceStart: { handled: number; redelivered: number; deadLettered: number };
  lastFailure: ConsumerFailure | null;
}

const JETSTREAM_TIMEOUT_MS = 3_000;

/**
 * The app's durable consumers on every stream of the suite (their names start with the app's, e.g.
 * `intake-clues`), including one the app no longer runs, which would only grow its backlog.
 */
export async function consumerStates(nc: NatsConnection, app: string): Promise<ConsumerState[]> {
  const jsm = await jetstreamManager(nc, { timeout: JETSTREAM_TIMEOUT_MS });
  const streams = Object.values(STREAMS).filter((stream) => stream.name !== STREAMS.deadLetter.name);
  const listed = await Promise.all(streams.map((stream) => consumersOf(jsm, stream.name)));
  const mine = listed.flat().filter((info) => info.name.startsWith(`${app}-`));
  const counts = await countsSinceStart();
  return Promise.all(
    mine.map(async (info) => ({
      stream: info.stream_name,
      durable: info.name,
      subject: info.config.filter_subject ?? null,
      pending: info.num_pending,
      awaitingAck: info.num_ack_pending,
      redelivered: info.num_redelivered,
      oldestWaitingSeconds: await oldestWaiting(jsm, info),
      lastDeliveredAt: instant(info.delivered?.last_active),
      sinceStart: counts.get(info.name) ?? { handled: 0, redelivered: 0, deadLettered: 0 },
      lastFailure: lastConsumerFailure(info.name),
    })),
  );
}

async function consumersOf(jsm: JetStreamManager, stream: string): Promise<ConsumerInfo[]> {
  const found: ConsumerInfo[] = [];
  try {
    for await (const info of jsm.consumers.list(stream)) found.push(info);
  } catch (error) {
    if (!isNotFound(error)) throw error; // a stream not made yet has no consumers
  }
  return found;
}

/** The first message after the ack floor that the consumer's filter takes: the oldest it has not finished. */
async function oldestWaiting(jsm: JetStreamManager, info: ConsumerInfo): Promise<number | null> {
  if (info.num_pending + info.num_ack_pending === 0) return null;
  // The server takes `next_by_subj` here (2.9 and later); the client's type for this call leaves it out.
  const request = { seq: info.ack_floor.stream_seq + 1, next_by_subj: info.config.filter_subject ?? '>' } as unknown as MsgRequest;
  const message = await jsm.streams.getMessage(info.stream_name, request).catch(() => null);
  return message ? Math.max(0, (Date.now() - message.time.getTime()) / 1000) : null;
}

/** The server says when as an ISO text (the client's type says nanoseconds). */
function instant(value: unknown): string | null {
  return typeof value === 'string' && !value.startsWith('0001-') ? value : null;
}

async function countsSinceStart(): Promise<Map<string, ConsumerState['sinceStart']>> {
  const counts = new Map<string, ConsumerState['sinceStart']>();
  const key = { handled: 'handled', redelivered: 'redelivered', dead_lettered: 'deadLettered' } as const;
  for (const { labels, value } of (await jetstreamMessages.get()).values) {
    const durable = String(labels.durable);
    const outcome = key[labels.outcome as keyof typeof key];
    if (!outcome) continue;
    const entry = counts.get(durable) ?? { handled: 0, redelivered: 0, deadLettered: 0 };
    entry[outcome] += value;
    counts.set(durable, entry);
  }
  return counts;
}
