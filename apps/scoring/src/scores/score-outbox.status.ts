import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { OutboxSource, OutboxStatus } from '@tianping/messaging';

/**
 * Scores waiting to be published, for the health page: the id ranges of the score outbox. Scores
 * are never set aside (a batch is sized well under NATS's limit), so nothing here is refused.
 */
@Injectable()
export class ScoreOutboxStatus implements OutboxSource {
  readonly name = 'scoring.score_outbox';

  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  async status(): Promise<OutboxStatus> {
    const [row]: { waiting: number; oldest: number | null }[] = await this.dataSource.query(
      `SELECT coalesce(sum(last_id - first_id + 1), 0)::int AS waiting,
         (SELECT extract(epoch FROM clock_timestamp() - h.computed_at)::float8 FROM scoring.score_history h
           WHERE h.id = (SELECT min(first_id) FROM scoring.score_outbox)) AS oldest
       FROM scoring.score_outbox`,
    );
    return { name: this.name, waiting: row.waiting, oldestWaitingSeconds: row.oldest, refused: 0, refusedEvents: [], resendable: false };
  }
}
