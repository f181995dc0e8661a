import { jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { STREAMS } from '@tianping/contracts';
import type { SuiteDb } from './suite-db';
import { sleep } from './wait.util';

export interface Backlog {
  /** Committed events not yet published, per app. */
  outbox: Record<string, number>;
  /** Scores written but not yet published (the score history is scoring's outbox). */
  unpublishedScores: number;
  /** Enterprises waiting to be re-scored (only while a model is active). */
  dirty: number;
  /** Per durable consumer: messages not yet delivered plus delivered but not acknowledged. */
  consumers: Record<string, number>;
}

const OUTBOX_SCHEMAS = ['intake', 'scoring', 'dispatch', 'oversight'];

export async function backlog(db: SuiteDb, nc: NatsConnection): Promise<Backlog> {
  const outbox: Record<string, number> = {};
  for (const schema of OUTBOX_SCHEMAS) {
    const rows = await db.query<{ n: number }>(`SELECT count(*)::int AS n FROM "${schema}".outbox WHERE published_at IS NULL`);
    if (rows[0].n > 0) outbox[schema] = rows[0].n;
  }
  const scores = await db.query<{ n: number }>(`SELECT coalesce(sum(last_id - first_id + 1), 0)::int AS n FROM scoring.score_outbox`);
  const dirty = await db.query<{ n: number }>(
    `SELECT CASE WHEN EXISTS (SELECT 1 FROM scoring.model_versions WHERE state = 'active') THEN (SELECT count(*)::int FROM scoring.dirty_enterprises) ELSE 0 END AS n`,
  );
  const jsm = await jetstreamManager(nc, { timeout: 5000 });
  const consumers: Record<string, number> = {};
  for (const stream of Object.values(STREAMS)) {
    if (stream.name === STREAMS.deadLetter.name) continue;
    for await (const info of jsm.consumers.list(stream.name)) {
      const waiting = info.num_pending + info.num_ack_pending;
      if (waiting > 0) consumers[info.name] = waiting;
    }
  }
  return { outbox, unpublishedScores: scores[0].n, dirty: dirty[0].n, consumers };
}

export function isQuiet(b: Backlog): boolean {
  return Object.keys(b.outbox).length === 0 && b.unpublishedScores === 0 && b.dirty === 0 && Object.keys(b.consumers).length === 0;
}

/**
 * Waits until nothing is left anywhere: every outbox published, every consumer caught up and
 * acknowledged, nothing waiting to be re-scored — twice in a row a second apart, since one stage's
 * work makes the next stage's. Returns how long it took, or throws with what is still waiting.
 */
export async function settle(db: SuiteDb, nc: () => NatsConnection, timeoutMs: number): Promise<number> {
  const started = Date.now();
  let quietSince: number | null = null;
  let last: Backlog | string;
  for (;;) {
    try {
      last = await backlog(db, nc());
      if (isQuiet(last)) {
        quietSince ??= Date.now();
        if (Date.now() - quietSince >= 1500) return (Date.now() - started) / 1000;
      } else {
        quietSince = null;
      }
    } catch (error) {
      // The database or NATS may still be coming back from a restart.
      last = (error as Error).message;
      quietSince = null;
    }
    if (Date.now() - started > timeoutMs) throw new Error(`the suite did not settle within ${timeoutMs / 1000} s; still waiting: ${JSON.stringify(last)}`);
    await sleep(500);
  }
}
