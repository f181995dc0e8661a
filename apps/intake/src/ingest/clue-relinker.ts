import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { IntakeSubjects, type ClueChange } from '@tianping/contracts';
import type { ClueRecord } from '@tianping/intake-core';
import { CorrectionsRepository } from '../corrections/corrections.repository';
import { BatchWriter } from './batch-writer';
import { IngestRepository } from './ingest.repository';

interface UnlinkedClueRow {
  clueId: string;
  channel: string;
  receivedAt: Date;
  creditCode: string | null;
  creditCodeValid: boolean;
  subjectName: string | null;
  address: string | null;
  category: string;
  department: string;
  verified: boolean | null;
  status: string;
  updatedAt: Date;
}

/**
 * One chunk of unlinked clues after a clue id ($1), at most $2, in byte order: the order ingest locks clues in, and
 * the order of the `clues_unlinked` index, so a chunk reads only its own rows.
 */
export const UNLINKED_CLUES_AFTER = `
  SELECT clue_id AS "clueId", channel, received_at AS "receivedAt", credit_code_given AS "creditCode",
         credit_code_valid AS "creditCodeValid", subject_name AS "subjectName", address, category, department,
         verified, status, updated_at AS "updatedAt"
    FROM intake.clues WHERE linked_credit_code IS NULL AND clue_id COLLATE "C" > $1
   ORDER BY clue_id COLLATE "C" LIMIT $2 FOR UPDATE`;

/** Clues that came before their enterprise (or lost it on appeal) are linked again once new subjects arrive. */
@Injectable()
export class ClueRelinker {
  constructor(
    @Inject(DataSource) private readonly dataSource: DataSource,
    private readonly writer: BatchWriter,
    private readonly repository: IngestRepository,
    private readonly corrections: CorrectionsRepository,
  ) {}

  async relinkAll(chunk = 2000): Promise<{ examined: number; linked: number }> {
    let afterId = '';
    let examined = 0;
    let linked = 0;
    for (;;) {
      const result = await this.dataSource.transaction(async (manager) => {
        const clues: UnlinkedClueRow[] = await manager.query(UNLINKED_CLUES_AFTER, [afterId, chunk]);
        // FOR UPDATE, in the order ingest locks clues (inKeyOrder): a newer version written meanwhile is what gets
        // linked (never the older one read before it), and the two wait for each other rather than deadlock.
        if (clues.length === 0) return null;
        // A clue unlinked on appeal may be linked again, but never to the enterprise it was unlinked from.
        const corrections = await this.corrections.appliedFor(
          manager,
          'clue',
          clues.map((c) => c.clueId),
        );
        const links = await this.writer.linkClues(manager, clues as ClueRecord[], corrections);
        const changes: ClueChange[] = [];
        const ids: string[] = [];
        const codes: string[] = [];
        const methods: string[] = [];
        clues.forEach((clue, i) => {
          const link = links[i];
          if (!link.creditCode) return;
          ids.push(clue.clueId);
          codes.push(link.creditCode);
          methods.push(link.method);
          changes.push(corrections.clueChange({ ...toChange(clue), linkedCreditCode: link.creditCode, linkMethod: link.method }));
        });
        if (ids.length) {
          await manager.query(
            `UPDATE intake.clues c SET linked_credit_code = u.code, link_method = u.method, changed_at = now()
               FROM unnest($1::text[], $2::text[], $3::text[]) AS u(id, code, method) WHERE c.clue_id = u.id`,
            [ids, codes, methods],
          );
          await this.repository.enqueue(manager, IntakeSubjects.cluesUpserted, { batchId: randomUUID(), records: changes });
        }
        return { last: clues[clues.length - 1].clueId, examined: clues.length, linked: ids.length };
      });
      if (!result) return { examined, linked };
      afterId = result.last;
      examined += result.examined;
      linked += result.linked;
    }
  }
}

function toChange(clue: UnlinkedClueRow): ClueChange {
  return {
    clueId: clue.clueId,
    channel: clue.channel,
    receivedAt: new Date(clue.receivedAt).toISOString(),
    linkedCreditCode: null,
    linkMethod: 'none',
    category: clue.category,
    department: clue.department,
    verified: clue.verified,
    status: clue.status,
    updatedAt: new Date(clue.updatedAt).toISOString(),
  };
}
