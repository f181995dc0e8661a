import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

export interface ChecklistItemName {
  item: string;
  zh: string;
  en: string | null;
  updatedAt: string;
}

/** The names of checklist items (随机抽查事项清单): visits, plans and cases carry only their codes. */
@Injectable()
export class ChecklistItemsRepository {
  constructor(@Inject(DataSource) private readonly dataSource: DataSource) {}

  list(): Promise<ChecklistItemName[]> {
    return this.dataSource.query(
      `SELECT item, name_zh AS zh, name_en AS en, updated_at AS "updatedAt" FROM dispatch.checklist_items ORDER BY split_part(item, '-', 1), item`,
    );
  }

  async save(item: string, zh: string, en: string | null): Promise<ChecklistItemName> {
    const [row] = await this.dataSource.query(
      `INSERT INTO dispatch.checklist_items (item, name_zh, name_en) VALUES ($1, $2, $3)
       ON CONFLICT (item) DO UPDATE SET name_zh = EXCLUDED.name_zh, name_en = EXCLUDED.name_en, updated_at = now()
       RETURNING item, name_zh AS zh, name_en AS en, updated_at AS "updatedAt"`,
      [item, zh, en],
    );
    return row;
  }
}
