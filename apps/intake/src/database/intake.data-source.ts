import { createAppDataSource } from '@tianping/database';
import { CreateIntakeTables1763880000000 } from './migrations/1763880000000-CreateIntakeTables';
import { LeanerIngestWrites1763880000001 } from './migrations/1763880000001-LeanerIngestWrites';
import { CreateRecordCorrections1764400000000 } from './migrations/1764400000000-CreateRecordCorrections';
import { SetAsideRefusedEvents1765600000000 } from './migrations/1765600000000-SetAsideRefusedEvents';
import { IndexUnlinkedCluesInByteOrder1766100000000 } from './migrations/1766100000000-IndexUnlinkedCluesInByteOrder';
import { RecordWhyIngestRunsEndedEarly1766100000001 } from './migrations/1766100000001-RecordWhyIngestRunsEndedEarly';
import { IndexSubjectNamesForSearch1766200000000 } from './migrations/1766200000000-IndexSubjectNamesForSearch';
import { SupersedeQuarantinedCopies1766300000000 } from './migrations/1766300000000-SupersedeQuarantinedCopies';
import { CountSupersededCopiesOfRuns1766500000000 } from './migrations/1766500000000-CountSupersededCopiesOfRuns';

export const INTAKE_SCHEMA = 'intake';

export function createIntakeDataSource(url: string) {
  return createAppDataSource({
    url,
    schema: INTAKE_SCHEMA,
    entities: [],
    migrations: [
      CreateIntakeTables1763880000000,
      LeanerIngestWrites1763880000001,
      CreateRecordCorrections1764400000000,
      SetAsideRefusedEvents1765600000000,
      IndexUnlinkedCluesInByteOrder1766100000000,
      RecordWhyIngestRunsEndedEarly1766100000001,
      IndexSubjectNamesForSearch1766200000000,
      SupersedeQuarantinedCopies1766300000000,
      CountSupersededCopiesOfRuns1766500000000,
    ],
  });
}
