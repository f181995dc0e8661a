import { createAppDataSource } from '@tianping/database';
import { CreateWebTables1763930000000 } from './migrations/1763930000000-CreateWebTables';
import { BindOfficerAccounts1765400000000 } from './migrations/1765400000000-BindOfficerAccounts';
import { CreateOperatorActions1765800000000 } from './migrations/1765800000000-CreateOperatorActions';
import { IndexSignInAttemptsByAddress1766000000000 } from './migrations/1766000000000-IndexSignInAttemptsByAddress';

export const WEB_SCHEMA = 'web';

export function createWebDataSource(url: string) {
  return createAppDataSource({
    url,
    schema: WEB_SCHEMA,
    entities: [],
    migrations: [CreateWebTables1763930000000, BindOfficerAccounts1765400000000, CreateOperatorActions1765800000000, IndexSignInAttemptsByAddress1766000000000],
    poolSize: 5,
  });
}
