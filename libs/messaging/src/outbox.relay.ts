import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import { headers, type MsgHdrs, type NatsConnection } from '@nats-io/transport-node';
import { outboxLag, outboxPublishDelay, outboxPublished } from '@tianping/observability';
import { DatabaseTag } from './database-tag';
import { ORIGINAL_PUBLISHED_HEADER } from './dead-letters';
import { encodeJson, ensureStreams } from './nats.connection';

const encoder = new TextEncoder();

/** A text payload is already the JSON to publish; a jsonb one comes back parsed. */
function encodePayload(payload: unknown): Uint8Array {
  return typeof payload === 'string' ? encoder.encode(payload) : encodeJson(payload);
}

/** The outbox table each publishing app creates in its own schema (see its first migration). */
export function outboxTableSql(schema: string): string {
  return `CREATE TABLE "${schema}".outbox (
    id bigserial PRIMARY KEY,
    subject text NOT NULL,
    payload jsonb NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    published_at timestamptz
  );
  CREATE INDEX outbox_pending ON "${schema}".outbox (id) WHERE published_at IS NULL;`;
}

function messageOf(error: unknown): string {
  return String((error as Error)?.message ?? error);
}

/** A publish error that no retry can fix: the message itself is too large. */
function isRefusal(error: unknown): boolean {
  if (error === undefined) return false;
  return /max_payload size exceeded|message size exceeds maximum allowed/i.test(messageOf(error));
}

function errorOf(outcome: PromiseSettledResult<unknown>): unknown {
  return outcome.status === 'rejected' ? (outcome.reason ?? new Error('publish failed')) : undefined;
}

interface PendingRow {
  id: string;
  subject: string;
  payload: unknown;
  age: number;
  /** Set for an event set aside and sent again: when it was written, in microseconds since the epoch. */
  resent_created_us: string | null;
}

/**
 * An event sent long after the events written after it says when it was written, so that a consumer
 * ordering changes by their time (officers) takes it as the old change it is, as with a replayed dead letter.
 */
function sentLate(createdMicros: string | null): { headers?: MsgHdrs } {
  if (createdMicros === null) return {};
  const h = headers();
  h.set(ORIGINAL_PUBLISHED_HEADER, (BigInt(createdMicros) * 1000n).toString());
  return { headers: h };
}

/**
 * Puts an event that was set aside back in line, once what made NATS refuse it is fixed (its
 * max_payload raised): the relay sends it next, with its original time. Null when the row is not a
 * set-aside event (never was, or already sent). If NATS refuses it again, it is set aside again.
 */
export async function resendRefused(dataSource: DataSource, schema: string, id: number): Promise<{ id: number; subject: string } | null> {
  const [rows] = (await dataSource.query(
    `UPDATE "${schema}".outbox SET refused_at = NULL WHERE id = $1 AND published_at IS NULL AND refused_at IS NOT NULL RETURNING id::int AS id, subject`,
    [id],
  )) as [{ id: number; subject: string }[], number];
  return rows[0] ?? null;
}

/** Writes an event in the caller's transaction, so the event exists exactly when the change does. */
export async function enqueueEvent(manager: EntityManager, schema: string, subject: string, payload: unknown): Promise<void> {
  await manager.query(`INSERT INTO "${schema}".outbox (subject, payload) VALUES ($1, $2)`, [subject, JSON.stringify(payload)]);
}

/**
 * Publishes committed outbox rows to JetStream in order. Each message carries the row id as its
 * JetStream message id, so a resend after a crash is dropped by the server as a duplicate.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private readonly js: JetStreamClient;
  private timer?: NodeJS.Timeout;
  private running?: Promise<number>;
  private stopped = false;
  private readonly tag: DatabaseTag;
  private streamsCheckedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly nc: NatsConnection,
    private readonly intervalMs = 250,
  ) {
    this.js = jetstream(nc);
    this.tag = new DatabaseTag(dataSource);
  }

  start(): void {
    this.stopped = false;
    const tick = async () => {
      if (this.stopped) return;
      await this.drain().catch((error: Error) => this.logger.warn(`outbox relay: ${error.message}`));
      if (!this.stopped) this.timer = setTimeout(tick, this.intervalMs);
    };
    this.timer = setTimeout(tick, 0);
  }

  async stop(): Promise<void> {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    await this.running?.catch(() => 0);
    await this.drain().catch(() => 0);
  }

  /** Publishes everything pending; returns how many messages went out. Safe to call concurrently. */
  drain(): Promise<number> {
    if (!this.running) {
      this.running = this.publishPending().finally(() => (this.running = undefined));
    }
    return this.running;
  }

  private async publishPending(): Promise<number> {
    let published = 0;
    const tag = await this.tag.get();
    for (;;) {
      // A row with a refusal but no refused_at was set aside and then sent again by an operator (see resendRefused).
      const rows: PendingRow[] = await this.dataSource.query(
        `SELECT id, subject, payload, extract(epoch FROM clock_timestamp() - created_at)::float8 AS age,
           CASE WHEN refusal IS NOT NULL THEN (extract(epoch FROM created_at) * 1000000)::bigint::text END AS resent_created_us
         FROM "${this.schema}".outbox WHERE published_at IS NULL AND refused_at IS NULL ORDER BY id LIMIT 200`,
      );
      outboxLag.set({ outbox: `${this.schema}.outbox` }, rows[0]?.age ?? 0);
      if (rows.length === 0) return published;
      const outcomes = await Promise.allSettled(
        rows.map((row) =>
          this.js.publish(row.subject, encodePayload(row.payload), { msgID: `${this.schema}-${tag}-${row.id}`, ...sentLate(row.resent_created_us) }),
        ),
      );
      // One event NATS refuses must not hold back every later one for ever: it is set aside, loudly.
      await this.setAside(rows.flatMap((row, i) => (isRefusal(errorOf(outcomes[i])) ? [{ row, error: errorOf(outcomes[i]) }] : [])));
      const failure = outcomes.map(errorOf).find((error) => error !== undefined && !isRefusal(error));
      if (failure !== undefined) {
        await this.remakeStreamsIfGone(failure);
        throw failure; // NATS away: all of them again later, the sent ones dropped as duplicates
      }
      const sent = rows.filter((_, i) => outcomes[i].status === 'fulfilled');
      await this.dataSource.query(`UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [sent.map((r) => r.id)]);
      published += sent.length;
      const outbox = `${this.schema}.outbox`;
      outboxPublished.inc({ outbox }, sent.length);
      for (const row of sent) outboxPublishDelay.observe({ outbox }, row.age);
    }
  }

  /**
   * A publish nobody answers for is a stream that is gone (NATS restarted without its data): the
   * suite's streams are made again, at most every few seconds, and the next round sends everything.
   */
  private async remakeStreamsIfGone(error: unknown): Promise<void> {
    const text = `${(error as Error)?.name ?? ''} ${messageOf(error)}`;
    if (!/JetStreamNotEnabled|no responders|stream not found/i.test(text) || Date.now() - this.streamsCheckedAt < 5_000) return;
    this.streamsCheckedAt = Date.now();
    await ensureStreams(this.nc).then(
      () => this.logger.warn(`outbox relay (${this.schema}): no stream took the events; the streams were made again`),
      (failure: Error) => this.logger.warn(`outbox relay (${this.schema}): could not make the streams again yet: ${failure.message}`),
    );
  }

  private async setAside(refused: { row: { id: string; subject: string }; error: unknown }[]): Promise<void> {
    if (refused.length === 0) return;
    const reasons = refused.map(({ error }) => messageOf(error).slice(0, 500));
    await this.dataSource.query(
      `UPDATE "${this.schema}".outbox o SET refused_at = now(), refusal = u.refusal FROM unnest($1::bigint[], $2::text[]) AS u(id, refusal) WHERE o.id = u.id`,
      [refused.map(({ row }) => row.id), reasons],
    );
    refused.forEach(({ row }, i) =>
      this.logger.error(`outbox relay: ${this.schema}.outbox#${row.id} (${row.subject}) set aside, NATS refuses it: ${reasons[i]}`),
    );
  }

  async pending(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM "${this.schema}".outbox WHERE published_at IS NULL AND refused_at IS NULL`);
    return row.n;
  }
}
