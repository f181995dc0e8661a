import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { pollUntil } from '@tianping/common';
import { useRedactingLogger } from '@tianping/observability';
import { EnterpriseRepository } from '../enterprise/enterprise.repository';
import { IntakeOutbox } from '../ingest/outbox-relay.provider';
import { VisitResultHandler } from '../ingest/visit-result.handler';
import { IntakeCoreModule } from '../intake.module';

/** The core plus the consumer of dispatch's visit results, for a one-off catch-up before the service starts. */
@Module({ imports: [IntakeCoreModule], providers: [VisitResultHandler] })
class IntakeVisitResultsModule {}

/**
 * Takes in the results of the demo's past visits as the service would (结果回流: one inspection case per
 * department on each visit) and publishes the cases, so scoring and dispatch see them before anything
 * starts. Resolves once intake holds `expectedCases` cases in all.
 */
export async function takeInDemoResults(expectedCases: number, log: (line: string) => void): Promise<void> {
  useRedactingLogger('intake');
  const app = await NestFactory.createApplicationContext(IntakeVisitResultsModule, { logger: ['error', 'warn'] });
  try {
    await pollUntil(
      () => app.get(EnterpriseRepository).totals(),
      (totals) => totals.cases >= expectedCases,
      (totals) => new Error(`intake took in ${totals.cases} of ${expectedCases} cases from the demo's visits (${totals.quarantineOpen} in quarantine)`),
      { timeoutMs: 120_000 },
    );
    await app.get(IntakeOutbox).relay.drain();
    log(`demo: intake holds ${expectedCases} inspection cases with the visits' results`);
  } finally {
    await app.close();
  }
}
