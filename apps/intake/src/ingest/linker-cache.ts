import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { ClueLinker, type LinkableSubject } from '@tianping/intake-core';

interface ChangedSubject extends LinkableSubject {
  changedAt: Date;
}

/**
 * Clue linking compares a clue's name and address with every subject's (substring matches that
 * no index answers row by row), so intake keeps one in-memory linker and brings it up to date
 * from `changed_at` before each batch: new subjects are added; a renamed or moved one is updated
 * in place (rebuilding from every subject took seconds at a million, for one renamed shop).
 * Batches are written one after another, so no change can commit behind the watermark.
 */
@Injectable()
export class LinkerCache {
  private readonly linker = new ClueLinker();
  private watermark = new Date(0);

  async current(manager: EntityManager): Promise<ClueLinker> {
    const changed: ChangedSubject[] = await manager.query(
      `SELECT credit_code AS "creditCode", name, address, changed_at AS "changedAt"
         FROM intake.subjects WHERE changed_at >= $1 ORDER BY changed_at`,
      [this.watermark],
    );
    if (changed.length === 0) return this.linker;
    // Rows at the watermark itself come again (>=): they are known as they are, and updating them changes nothing.
    for (const subject of changed) {
      if (!this.linker.has(subject.creditCode)) this.linker.add(subject);
      else this.linker.update(subject);
    }
    this.watermark = changed[changed.length - 1].changedAt;
    return this.linker;
  }
}
