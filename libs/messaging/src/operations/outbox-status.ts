import type { DataSource } from 'typeorm';
import { resendRefused } from '../outbox.relay';

/** An event NATS refused (larger than its max_payload), kept in its outbox row with the reason. */
export interface RefusedEvent {
  id: number;
  subject: string;
  refusal: string | null;
  refusedAt: string;
  createdAt: string;
  bytes: number;
}

export interface OutboxStatus {
  /** The table: `<schema>.outbox`, or scoring's `scoring.score_outbox`. */
  name: string;
  /** Events committed and not yet published (set-aside ones not counted). */
  waiting: number;
  oldestWaitingSeconds: number | null;
  refused: number;
  /** The oldest refused events, up to REFUSED_SHOWN. */
  refusedEvents: RefusedEvent[];
  /** Whether a refused event can be put back in line (`POST /ops/outbox/:id/resend`). */
  resendable: boolean;
}

/** What an app reports of one of its outboxes. */
export interface OutboxSource {
  readonly name: string;
  status(): Promise<OutboxStatus>;
  resend?(id: number): Promise<{ id: number; subject: string } | null>;
}

export const REFUSED_SHOWN = 50;

/**
 * An app's outbox table. Both queries stay inside the partial index of unpublished rows, however
 * many published rows the table keeps.
 */
export class OutboxTable implements OutboxSource {
  readonly name: string;

  constructor(
    private readonly dataSource: DataSource,
    private readonly schema: string,
  ) {
    this.name = `${schema}.outbox`;
  }

  async status(): Promise<OutboxStatus> {
    const [[counts], refused] = await Promise.all([
      this.dataSource.query(
        `SELECT count(*) FILTER (WHERE refused_at IS NULL)::int AS waiting, count(*) FILTER (WHERE refused_at IS NOT NULL)::int AS refused,
           extract(epoch FROM clock_timestamp() - min(created_at) FILTER (WHERE refused_at IS NULL))::float8 AS oldest
         FROM "${this.schema}".outbox WHERE published_at IS NULL`,
      ) as Promise<{ waiting: number; refused: number; oldest: number | null }[]>,
      this.dataSource.query(
        `SELECT id::int AS id, subject, refusal, refused_at AS "refusedAt", created_at AS "createdAt", octet_length(payload::text) AS bytes
         FROM "${this.schema}".outbox WHERE published_at IS NULL AND refused_at IS NOT NULL ORDER BY id LIMIT ${REFUSED_SHOWN}`,
      ) as Promise<RefusedEvent[]>,
    ]);
    return {
      name: this.name,
      waiting: counts.waiting,
      oldestWaitingSeconds: counts.oldest,
      refused: counts.refused,
      refusedEvents: refused,
      resendable: true,
    };
  }

  resend(id: number): Promise<{ id: number; subject: string } | null> {
    return resendRefused(this.dataSource, this.schema, id);
  }
}
