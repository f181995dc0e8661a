import { existsSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { chinaDay } from '@tianping/common';
import { dayNumber, isoFromDayNumber } from '@tianping/planner';
import { CITY_GENERATOR_VERSION, generateCity, type CityManifest } from '@tianping/synthetic-city';
import { EnterpriseRepository } from '../../../apps/intake/src/enterprise/enterprise.repository';
import { IngestService } from '../../../apps/intake/src/ingest/ingest.service';
import { IntakeOutbox } from '../../../apps/intake/src/ingest/outbox-relay.provider';
import { demoPastWindow, recordDemoHistory } from '../../../apps/dispatch/src/demo/demo-history';
import { prepareDemoPlan, topUpDemoPlan } from '../../../apps/dispatch/src/demo/demo-plan';
import { takeInDemoResults } from '../../../apps/intake/src/demo/demo-visit-results';
import { approveDemoModel } from '../../../apps/oversight/src/demo/demo-approvals';
import { prepareDemoScores, scoreDemoToday } from '../../../apps/scoring/src/demo/demo-scores';
import { withIntake } from '../intake-context';
import { readTruth } from '../scoring.commands';

export const DEMO_CITY = { enterprises: 3000, years: 4, seed: 2026 } as const;

/** A visit's chance of finding a problem at an enterprise the city's truth does not know. */
const UNKNOWN_CHANCE = 0.2;

/**
 * On first run (no enterprises yet) a generated city whose history ends where the past fortnight begins
 * is written (again, when the one kept is from another day) and loaded through intake, scored by an
 * approved model as of the day before the past fortnight, given that fortnight's visits with their
 * results (which intake takes in as the service would), scored again as of today, and its next two weeks
 * planned.
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
    // The city's history runs up to the past fortnight, which the demo then lives through: no months without a record between them.
    const past = demoPastWindow(chinaDay());
    const dir = join(stateDir, 'demo-city');
    let manifest = keptManifest(dir);
    // Made again when it ends elsewhere, or was made by an older generator (a checkout updated since).
    if (manifest?.endDate !== past.from || manifest.generator !== CITY_GENERATOR_VERSION) {
      log(`demo: generating a city of ${DEMO_CITY.enterprises} enterprises over the ${DEMO_CITY.years} years before ${past.from} (seed ${DEMO_CITY.seed})`);
      await rm(dir, { recursive: true, force: true });
      manifest = await generateCity({ ...DEMO_CITY, endDate: past.from, outDir: dir });
    }
    const reports = await app.get(IngestService).ingestDirectory(dir);
    await app.get(IntakeOutbox).relay.drain();
    const read = reports.reduce((n, r) => n + r.counts.read, 0);
    const quarantined = reports.reduce((n, r) => n + r.counts.quarantined, 0);
    log(`demo: ingested ${read} records from ${reports.length} files (${quarantined} quarantined for review)`);
    const loaded = await app.get(EnterpriseRepository).totals();
    // Scored as of the day before the past fortnight, so its visits were chosen, and can be audited, by scores of their time.
    const firstScored = dayBefore(past.from);
    const run = await prepareDemoScores(loaded, approveDemoModel, log, firstScored);
    const inputs = { enterprises: loaded.subjects, officers: loaded.officers, priorCases: loaded.cases, complaints: loaded.clues, scores: run.enterprises };
    const truth = truthOf(dir, manifest);
    const history = await recordDemoHistory(inputs, (code) => truth.get(code) ?? UNKNOWN_CHANCE, log);
    const cases = loaded.cases + history.cases;
    await takeInDemoResults(cases, log);
    const rescored = await scoreDemoToday({ subjects: loaded.subjects, cases }, log);
    await prepareDemoPlan({ ...inputs, priorCases: cases }, log, rescored);
  });
}

function dayBefore(day: string): string {
  return isoFromDayNumber(dayNumber(day) - 1);
}

/** The manifest of the generated city kept in the folder, or null when no city is there. */
function keptManifest(dir: string): CityManifest | null {
  const file = join(dir, 'manifest.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as CityManifest) : null;
}

/** Each enterprise's true chance of a violation, from the generated city's hidden truth (the demo's stand-in for what officers find). */
function truthOf(dir: string, manifest: CityManifest): Map<string, number> {
  const file = manifest.truth?.enterprises ? join(dir, manifest.truth.enterprises) : null;
  // A city whose truth was deleted still loads: every visit then finds a problem at the same chance.
  return file && existsSync(file) ? readTruth(file) : new Map();
}
