import { createAppDataSource } from '@tianping/database';
import { CreateScoringTables1763920000000 } from './migrations/1763920000000-CreateScoringTables';
import { RecordBuildersAndApprovers1764200000001 } from './migrations/1764200000001-RecordBuildersAndApprovers';
import { ShareFullRunsInShards1764900000000 } from './migrations/1764900000000-ShareFullRunsInShards';
import { LightenScoreHistoryWrites1764900000001 } from './migrations/1764900000001-LightenScoreHistoryWrites';
import { StoreFactorValuesAsJson1765000000000 } from './migrations/1765000000000-StoreFactorValuesAsJson';
import { LetCurrentScoresUpdateInPlace1765000000001 } from './migrations/1765000000001-LetCurrentScoresUpdateInPlace';
import { CountLiveSubjectsPerAddress1765000000002 } from './migrations/1765000000002-CountLiveSubjectsPerAddress';
import { HandOutScoreIdsInBlocks1765100000000 } from './migrations/1765100000000-HandOutScoreIdsInBlocks';
import { KeepPendingScoresInAnOutbox1765200000000 } from './migrations/1765200000000-KeepPendingScoresInAnOutbox';
import { IndexFullRuns1765300000000 } from './migrations/1765300000000-IndexFullRuns';
import { SetAsideRefusedEvents1765600000001 } from './migrations/1765600000001-SetAsideRefusedEvents';
import { NameAppealCorrectionsInScores1765700000000 } from './migrations/1765700000000-NameAppealCorrectionsInScores';
import { CoverMarksBySnapshot1765900000000 } from './migrations/1765900000000-CoverMarksBySnapshot';

export const SCORING_SCHEMA = 'scoring';

export function createScoringDataSource(url: string) {
  return createAppDataSource({
    url,
    schema: SCORING_SCHEMA,
    entities: [],
    migrations: [
      CreateScoringTables1763920000000,
      RecordBuildersAndApprovers1764200000001,
      ShareFullRunsInShards1764900000000,
      LightenScoreHistoryWrites1764900000001,
      StoreFactorValuesAsJson1765000000000,
      LetCurrentScoresUpdateInPlace1765000000001,
      CountLiveSubjectsPerAddress1765000000002,
      HandOutScoreIdsInBlocks1765100000000,
      KeepPendingScoresInAnOutbox1765200000000,
      IndexFullRuns1765300000000,
      SetAsideRefusedEvents1765600000001,
      NameAppealCorrectionsInScores1765700000000,
      CoverMarksBySnapshot1765900000000,
    ],
  });
}
