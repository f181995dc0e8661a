import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pollUntil } from '@tianping/common';
import { NatsModule } from '@tianping/messaging';
import { ApprovalsRepository } from '../approvals/approvals.repository';
import { ApprovalsService } from '../approvals/approvals.service';
import { ProposalsHandler } from '../approvals/proposals.handler';
import { OversightCoreModule } from '../oversight.module';
import { OversightOutbox } from '../outbox/oversight-outbox.provider';
import { AuditLogService } from '../record/audit-log.service';
import { ScoringRecordHandler } from '../record/scoring-record.handler';
import { useRedactingLogger } from '@tianping/observability';

/** The core plus the record's and the proposals' consumers and the outbox relay, for a one-off catch-up before the service starts. */
@Module({ imports: [OversightCoreModule, NatsModule.forApp('oversight')], providers: [ScoringRecordHandler, ProposalsHandler, OversightOutbox] })
class OversightApprovalsCatchUpModule {}

/** The demo's two reviewers: neither trained the demo model, and each signs in one role only. */
export const DEMO_REVIEWERS = { technical: 'demo-technical-reviewer', legal: 'demo-legal-reviewer' } as const;

/**
 * Approves the demo's model version the way a bureau would: oversight learns of it from scoring's
 * registration event (and logs it), the technical and then the legal reviewer sign it off (each in
 * the record), and the grant is published for scoring. Returns who signed.
 */
export async function approveDemoModel(version: string): Promise<string[]> {
  useRedactingLogger('oversight');
  const app = await NestFactory.createApplicationContext(OversightApprovalsCatchUpModule, { logger: ['error', 'warn'] });
  try {
    const requests = app.get(ApprovalsRepository);
    const record = app.get(AuditLogService);
    // Signed once the record holds the registration, so the record reads in the order things happened.
    const known = async () =>
      !!(await requests.find('model-version', version)) && (await record.listEntries({ kind: 'model-version', subjectRef: version })).length > 0;
    await pollUntil(known, Boolean, () => new Error(`oversight did not learn of model version ${version} from scoring`), { timeoutMs: 60_000 });
    const approvals = app.get(ApprovalsService);
    await approvals.signOff('model-version', version, {
      actor: DEMO_REVIEWERS.technical,
      role: 'technical',
      decision: 'approve',
      reasons: 'demo: validation AUC and calibration checked on the generated city',
    });
    await approvals.signOff('model-version', version, {
      actor: DEMO_REVIEWERS.legal,
      role: 'legal',
      decision: 'approve',
      reasons: 'demo: every factor has a legal basis; no protected characteristic is used',
    });
    await app.get(OversightOutbox).relay.drain();
    return [DEMO_REVIEWERS.technical, DEMO_REVIEWERS.legal];
  } finally {
    await app.close();
  }
}
