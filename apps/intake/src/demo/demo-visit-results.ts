import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
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
    for (let waited = 0; ; waited += 250) {
      const totals = await app.get(EnterpriseRepository).totals();
      if (totals.cases >= expectedCases) break;
      if (waited > 120_000)
        throw new Error(`intake took in ${totals.cases} of ${expectedCases} cases from the demo's visits (${totals.quarantineOpen} in quarantine)`);
      await new Promise((r) => setTimeout(r, 250));
    }
    await app.get(IntakeOutbox).relay.drain();
    log(`demo: intake holds ${expectedCases} inspection cases with the visits' results`);
  } finally {
    await app.close();
  }
}
