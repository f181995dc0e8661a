import { createAppDataSource } from '@tianping/database';
import { CreateAuditRecord1763904000000 } from './migrations/1763904000000-CreateAuditRecord';
import { CreateKillSwitch1763990000000 } from './migrations/1763990000000-CreateKillSwitch';
import { CreateAlgorithmAudits1764100000000 } from './migrations/1764100000000-CreateAlgorithmAudits';
import { CreateApprovals1764200000000 } from './migrations/1764200000000-CreateApprovals';
import { CreateReviews1764300000000 } from './migrations/1764300000000-CreateReviews';
import { AddAppealColourPolicy1764400000000 } from './migrations/1764400000000-AddAppealColourPolicy';
import { SetAsideRefusedEvents1765600000003 } from './migrations/1765600000003-SetAsideRefusedEvents';
import { CloseAppealsOnCorrectedInputs1765700000001 } from './migrations/1765700000001-CloseAppealsOnCorrectedInputs';
import { CreateAuditReportPublicCopies1765900000500 } from './migrations/1765900000500-CreateAuditReportPublicCopies';
import { LetEnterprisesWithdrawAppeals1765910000000 } from './migrations/1765910000000-LetEnterprisesWithdrawAppeals';
import { ArchiveScoreBodies1766200000000 } from './migrations/1766200000000-ArchiveScoreBodies';
import { RecordReviewOpenings1767100000000 } from './migrations/1767100000000-RecordReviewOpenings';

export const OVERSIGHT_SCHEMA = 'oversight';

export function createOversightDataSource(url: string) {
  return createAppDataSource({
    url,
    schema: OVERSIGHT_SCHEMA,
    entities: [],
    migrations: [
      CreateAuditRecord1763904000000,
      CreateKillSwitch1763990000000,
      CreateAlgorithmAudits1764100000000,
      CreateApprovals1764200000000,
      CreateReviews1764300000000,
      AddAppealColourPolicy1764400000000,
      SetAsideRefusedEvents1765600000003,
      CloseAppealsOnCorrectedInputs1765700000001,
      CreateAuditReportPublicCopies1765900000500,
      LetEnterprisesWithdrawAppeals1765910000000,
      ArchiveScoreBodies1766200000000,
      RecordReviewOpenings1767100000000,
    ],
  });
}
