import { createAppDataSource } from '@tianping/database';
import { CreateAuditRecord1763904000000 } from './migrations/1763904000000-CreateAuditRecord';
import { CreateKillSwitch1763990000000 } from './migrations/1763990000000-CreateKillSwitch';

export const OVERSIGHT_SCHEMA = 'oversight';

export function createOversightDataSource(url: string) {
  return createAppDataSource({
    url,
    schema: OVERSIGHT_SCHEMA,
    entities: [],
    migrations: [CreateAuditRecord1763904000000, CreateKillSwitch1763990000000],
  });
}
