import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { generateCity } from '@tianping/synthetic-city';
import { EnterpriseRepository } from '../../../apps/intake/src/enterprise/enterprise.repository';
import { IngestService } from '../../../apps/intake/src/ingest/ingest.service';
import { IntakeOutbox } from '../../../apps/intake/src/ingest/outbox-relay.provider';
import { prepareDemoPlan, topUpDemoPlan } from '../../../apps/dispatch/src/demo/demo-plan';
import { approveDemoModel } from '../../../apps/oversight/src/demo/demo-approvals';
import { prepareDemoScores } from '../../../apps/scoring/src/demo/demo-scores';
import { withIntake } from '../intake-context';

export const DEMO_CITY = { enterprises: 3000, years: 4, seed: 2026 } as const;

/**
 * On first run (no enterprises yet) a generated city is written and loaded through intake, scored by an
 * approved model, and its first two weeks planned.
 */
export async function loadDemo(stateDir: string, log: (line: string) => void): Promise<void> {
  await withIntake(async (app) => {
    const totals = await app.get(EnterpriseRepository).totals();
    if (totals.subjects > 0) {
      log(`demo: ${totals.subjects} enterprises already loaded`);
      // A plan that cannot be drawn now (say, the model suspended) must not keep the suite from starting.
      await topUpDemoPlan(log).catch((error: Error) => log(`demo: no new plan drawn: ${error.message}`));
      return;
    }
    const dir = join(stateDir, 'demo-city');
    if (!existsSync(join(dir, 'manifest.json'))) {
      log(`demo: generating a city of ${DEMO_CITY.enterprises} enterprises over ${DEMO_CITY.years} years (seed ${DEMO_CITY.seed})`);
      await generateCity({ ...DEMO_CITY, outDir: dir });
    }
    const reports = await app.get(IngestService).ingestDirectory(dir);
    await app.get(IntakeOutbox).relay.drain();
    const read = reports.reduce((n, r) => n + r.counts.read, 0);
    const quarantined = reports.reduce((n, r) => n + r.counts.quarantined, 0);
    log(`demo: ingested ${read} records from ${reports.length} files (${quarantined} quarantined for review)`);
    const loaded = await app.get(EnterpriseRepository).totals();
    const run = await prepareDemoScores(loaded, approveDemoModel, log);
    await prepareDemoPlan(
      { enterprises: loaded.subjects, officers: loaded.officers, priorCases: loaded.cases, complaints: loaded.clues, scores: run.enterprises },
      log,
    );
  });
}
