import { Logger } from '@nestjs/common';
import type { DataSource, EntityManager } from 'typeorm';
import { jetstream, type JetStreamClient } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { outboxLag, outboxPublishDelay, outboxPublished } from '@tianping/observability';
import { encodeJson } from './nats.connection';

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

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
    nc: NatsConnection,
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
         FROM "${this.schema}".outbox WHERE published_at IS NULL ORDER BY id LIMIT 200`,
      );
      outboxLag.set({ outbox: `${this.schema}.outbox` }, rows[0]?.age ?? 0);
      if (rows.length === 0) return published;
      await Promise.all(rows.map((row) => this.js.publish(row.subject, encodePayload(row.payload), { msgID: `${this.schema}-${tag}-${row.id}` })));
      await this.dataSource.query(`UPDATE "${this.schema}".outbox SET published_at = now() WHERE id = ANY($1::bigint[])`, [rows.map((r) => r.id)]);
      published += rows.length;
      const outbox = `${this.schema}.outbox`;
      outboxPublished.inc({ outbox }, rows.length);
      for (const row of rows) outboxPublishDelay.observe({ outbox }, row.age);
    }
  }

  async pending(): Promise<number> {
    const [row] = await this.dataSource.query(`SELECT count(*)::int AS n FROM "${this.schema}".outbox WHERE published_at IS NULL`);
    return row.n;
  }
}
