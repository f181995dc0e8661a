import { createHash } from 'node:crypto';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DispatchSubjects, IntakeSubjects, OversightSubjects, ScoringSubjects, STREAMS } from '@tianping/contracts';
import { wholePayload } from '@tianping/messaging';
import type { Prng } from '@tianping/common';
import { retrying } from './wait.util';

export type BadKind = 'not-json' | 'wrong-schema' | 'oversized';

export interface InjectedMessage {
  n: number;
  subject: string;
  /** Its sequence in its stream. */
  seq: number;
  kind: BadKind;
  bytes: number;
  sha256: string;
}

/**
 * Subjects the apps consume, where a rogue or broken publisher could put anything. The last is
 * not an app's own: oversight records all of `scoring.>`, so an unknown subject must be refused.
 */
export const EVENT_TARGETS = [
  IntakeSubjects.subjectsUpserted,
  IntakeSubjects.casesUpserted,
  IntakeSubjects.officersUpserted,
  IntakeSubjects.cluesUpserted,
  IntakeSubjects.correctionsApplied,
  ScoringSubjects.scoresComputed,
  ScoringSubjects.modelStateChanged,
  DispatchSubjects.visitResultRecorded,
  DispatchSubjects.drawCompleted,
  OversightSubjects.modelSuspended,
  'scoring.unknown-event.v1',
] as const;

/** Platform B's inbox: a bad push there is a bad clue, which intake quarantines (never a dead letter). */
export const INBOX_TARGET = IntakeSubjects.cluesPush;

const sha256 = (data: Uint8Array) => createHash('sha256').update(data).digest('hex');

/** The bytes of one bad message; each is unique, so no two are taken for repeats of each other. */
export function badPayload(kind: BadKind, n: number, maxPayload: number, subject: string): Uint8Array {
  const text = (s: string) => new TextEncoder().encode(s);
  switch (kind) {
    case 'not-json':
      return text(`{"batchId":"fault-${n}","records":[{"creditCode": <not json ${n}>`);
    case 'wrong-schema':
      return subject === INBOX_TARGET
        ? text(JSON.stringify({ fault: 'a clue with none of the contract fields', n }))
        : text(
            JSON.stringify({
              batchId: `fault-${n}`,
              records: [{ creditCode: n, fault: 'wrong schema' }],
              scores: [{ scoreId: n }],
              suspended: 'maybe',
              visitId: null,
            }),
          );
    case 'oversized': {
      // As large as the server lets a publisher send (max_payload, less room for the message-id header).
      const size = maxPayload - 256;
      const head = `{"batchId":"fault-${n}","records":[{"padding":"`;
      return text(head + 'x'.repeat(size - head.length - 4) + '"}]}');
    }
  }
}

/** Publishes malformed and oversized messages onto the subjects the apps consume, and remembers each. */
export class BadMessageInjector {
  readonly injected: InjectedMessage[] = [];
  private count = 0;

  constructor(
    private readonly nc: () => NatsConnection,
    private readonly prng: Prng,
  ) {}

  /** One bad message of a random kind to a random target (the inbox now and then). */
  async injectOne(kind?: BadKind, subject?: string): Promise<InjectedMessage> {
    const n = ++this.count;
    const chosenKind = kind ?? this.prng.pick<BadKind>(['not-json', 'wrong-schema', 'oversized']);
    const target = subject ?? (this.prng.bernoulli(0.2) ? INBOX_TARGET : this.prng.pick(EVENT_TARGETS));
    const maxPayload = this.nc().info?.max_payload ?? 1024 * 1024;
    const data = badPayload(chosenKind, n, maxPayload, target);
    const ack = await retrying(
      `inject ${chosenKind} on ${target}`,
      () => jetstream(this.nc()).publish(target, data, { msgID: `fault-bad-${n}-${sha256(data).slice(0, 12)}`, timeout: 5000 }),
      120_000,
    );
    const message = { n, subject: target, seq: ack.seq, kind: chosenKind, bytes: data.length, sha256: sha256(data) };
    this.injected.push(message);
    return message;
  }

  /** Every kind on every target once, so each consumer meets each kind of bad message at least once. */
  async injectEveryKind(): Promise<void> {
    for (const subject of [...EVENT_TARGETS, INBOX_TARGET])
      for (const kind of ['not-json', 'wrong-schema', 'oversized'] as const) await this.injectOne(kind, subject);
  }
}

interface ConsumerFilter {
  stream: string;
  durable: string;
  filter: string;
}

/** NATS subject matching: `*` is one token, `>` the rest. */
export function subjectMatches(filter: string, subject: string): boolean {
  const f = filter.split('.');
  const s = subject.split('.');
  for (let i = 0; i < f.length; i++) {
    if (f[i] === '>') return s.length > i;
    if (i >= s.length || (f[i] !== '*' && f[i] !== s[i])) return false;
  }
  return f.length === s.length;
}

async function consumerFilters(nc: NatsConnection): Promise<ConsumerFilter[]> {
  const jsm = await jetstreamManager(nc);
  const out: ConsumerFilter[] = [];
  for (const stream of Object.values(STREAMS)) {
    if (stream.name === STREAMS.deadLetter.name) continue;
    for await (const info of jsm.consumers.list(stream.name)) {
      out.push({ stream: stream.name, durable: info.name, filter: info.config.filter_subject ?? '>' });
    }
  }
  return out;
}

export interface DeadLetterFigures {
  /** Dead letters the injected messages should make: one per consuming durable. */
  expected: number;
  found: number;
  /** Expected ones present exactly once, with the injected bytes. */
  matched: number;
  missing: { subject: string; kind: BadKind; durable: string }[];
  /** Dead letters that are not an injected message: valid work some consumer gave up on. */
  unexpected: { subject: string | null; durable: string; error: string | null; bytes: number }[];
  duplicates: number;
  bySubject: Record<string, number>;
}

/** Compares the DEADLETTER stream with what was injected: exactly the bad messages, each once per consumer. */
export async function checkDeadLetters(nc: NatsConnection, injected: InjectedMessage[]): Promise<DeadLetterFigures> {
  const filters = await consumerFilters(nc);
  const streamOf = (subject: string) => Object.values(STREAMS).find((s) => s.subjects.some((p) => subjectMatches(p, subject)))?.name;
  const expected = new Map<string, { subject: string; kind: BadKind; durable: string }>();
  for (const message of injected) {
    if (message.subject === INBOX_TARGET) continue;
    for (const c of filters) {
      if (c.stream === streamOf(message.subject) && subjectMatches(c.filter, message.subject)) {
        expected.set(`${c.stream}.${c.durable}#${message.sha256}`, { subject: message.subject, kind: message.kind, durable: c.durable });
      }
    }
  }
  const jsm = await jetstreamManager(nc);
  const info = await jsm.streams.info(STREAMS.deadLetter.name);
  const seen = new Map<string, number>();
  const unexpected: DeadLetterFigures['unexpected'] = [];
  const bySubject: Record<string, number> = {};
  let found = 0;
  for (let seq = info.state.first_seq; seq <= info.state.last_seq && info.state.messages > 0; seq++) {
    const message = await jsm.streams.getMessage(STREAMS.deadLetter.name, { seq }).catch(() => null);
    if (!message) continue;
    found++;
    const durableKey = message.subject.replace(/^deadletter\./, '');
    const original = message.header?.get('Tianping-Original-Subject') || null;
    if (original) bySubject[original] = (bySubject[original] ?? 0) + 1;
    // A letter too large to keep whole is matched by the whole message, fetched from its own stream.
    const data = message.header?.get('Tianping-Payload-Truncated') ? await wholePayload(nc, seq) : message.data;
    const key = `${durableKey}#${sha256(data)}`;
    if (!expected.has(key)) {
      unexpected.push({ subject: original, durable: durableKey, error: message.header?.get('Tianping-Error') || null, bytes: message.data.length });
      continue;
    }
    seen.set(key, (seen.get(key) ?? 0) + 1);
  }
  const missing = [...expected.entries()].filter(([key]) => !seen.has(key)).map(([, v]) => v);
  const duplicates = [...seen.values()].reduce((n, c) => n + c - 1, 0);
  return { expected: expected.size, found, matched: seen.size, missing, unexpected, duplicates, bySubject };
}
