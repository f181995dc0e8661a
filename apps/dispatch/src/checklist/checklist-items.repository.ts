import { Inject, Injectable } from '@nestjs/common';
import { DataSource, type EntityManager } from 'typeorm';
import { checkVersion, enqueueSettingChange } from '../plans/setting-change.util';

export interface ChecklistItemName {
  item: string;
  zh: string;
  en: string | null;
  updatedAt: string;
  /** The item's revision: a rename that sends an older one is refused (409). */
  version: number;
}

const COLUMNS = `item, name_zh AS zh, name_en AS en, updated_at AS "updatedAt", revision AS version`;

/** The names of checklist items (随机抽查事项清单): visits, plans and cases carry only their codes. */
@Injectable()
export class ChecklistItemsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  list(): Promise<ChecklistItemName[]> {
    return this.dataSource.query(`SELECT ${COLUMNS} FROM dispatch.checklist_items ORDER BY split_part(item, '-', 1), item`);
  }

  /** Names an item and sends the change to oversight's record, in one transaction; a stale `version` is refused. */
  async save(item: string, zh: string, en: string | null, change: { actor?: string; version?: number } = {}): Promise<ChecklistItemName> {
    return this.dataSource.transaction(async (m) => {
      const [before] = await this.stored(m, item);
      checkVersion(`checklist item ${item}`, before, change.version);
      const [after] = await m.query(
        `INSERT INTO dispatch.checklist_items (item, name_zh, name_en, updated_by) VALUES ($1, $2, $3, $4)
         ON CONFLICT (item) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, updated_at = now(),
           updated_by = EXCLUDED.updated_by, revision = checklist_items.revision + 1
         WHERE (checklist_items.name_zh, checklist_items.name_en) IS DISTINCT FROM (EXCLUDED.name_zh, EXCLUDED.name_en)
         RETURNING ${COLUMNS}`,
        [item, zh, en, change.actor ?? null],
      );
      // Named as it already was: the item keeps its version and the record hears nothing.
      if (!after) {
        const { updatedBy: _by, ...unchanged } = before;
        return unchanged;
      }
      const names = (row: ChecklistItemName) => ({ zh: row.zh, en: row.en, version: row.version });
      await enqueueSettingChange(m, {
        setting: 'checklist-item',
        key: item,
        before: before ? names(before) : null,
        after: names(after),
        actor: change.actor ?? null,
      });
      return after;
    });
  }

  private stored(m: EntityManager, item: string): Promise<(ChecklistItemName & { updatedBy: string | null })[]> {
    return m.query(`SELECT ${COLUMNS}, updated_by AS "updatedBy" FROM dispatch.checklist_items WHERE item = $1 FOR UPDATE`, [item]);
  }
}
