import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { outboxLag, outboxPublishDelay, outboxPublished } from '@tianping/observability';
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
  private tag?: Promise<string>;
  private streamsCheckedAt = 0;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    private readonly nc: NatsConnection,
    private readonly intervalMs = 250,
  ) {
    this.js = jetstream(nc);
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

  /**
   * Names this database in message ids: a database dropped and created again numbers its outbox from 1
   * anew, and without this JetStream would drop those first events as repeats within its window.
   */
  private async databaseTag(): Promise<string> {
    this.tag ??= this.dataSource
      .query(`SELECT oid::text AS oid FROM pg_database WHERE datname = current_database()`)
      .then((rows: { oid: string }[]) => rows[0]?.oid ?? 'db')
      .catch((error: unknown) => {
        // Asked again next time: a failure kept here (PostgreSQL restarting as the app started)
        // would stop the relay for good, every later drain failing with the same old error.
        this.tag = undefined;
        throw error;
      });
    return this.tag;
  }

  private async publishPending(): Promise<number> {
    let published = 0;
    const tag = await this.databaseTag();
    for (;;) {
      const rows: { id: string; subject: string; payload: unknown; age: number }[] = await this.dataSource.query(
        `SELECT id, subject, payload, extract(epoch FROM clock_timestamp() - created_at)::float8 AS age
         FROM "${this.schema}".outbox WHERE published_at IS NULL AND refused_at IS NULL ORDER BY id LIMIT 200`,
      );
      outboxLag.set({ outbox: `${this.schema}.outbox` }, rows[0]?.age ?? 0);
      if (rows.length === 0) return published;
      const outcomes = await Promise.allSettled(
        rows.map((row) => this.js.publish(row.subject, encodePayload(row.payload), { msgID: `${this.schema}-${tag}-${row.id}` })),
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
