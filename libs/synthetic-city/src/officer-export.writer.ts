import type { Prng } from '@tianping/common';
import type { CityContext } from './enterprise-export.writer';
import type { ExportBatch } from './export-batch.writer';
import type { OfficerRoster } from './officer-roster.util';
import { defectiveOfficer, officerFields } from './officer-row.util';

/** officers.csv has no 更新时间, so officers are never versioned: only repeated exactly. */
export async function writeOfficers(roster: OfficerRoster, batch: ExportBatch, context: CityContext, prng: Prng): Promise<void> {
  for (const officer of roster.officers) {
    const fields = officerFields(officer, prng);
    batch.add(0, { key: officer.officerId, version: 0, stamp: '', payload: fields });
    if (prng.bernoulli(context.repeatShare)) batch.add(0, { key: officer.officerId, version: 0, stamp: '', payload: fields });
    if (prng.bernoulli(context.badShare)) batch.add(0, { key: null, version: 0, stamp: '', payload: defectiveOfficer(fields, prng) });
  }
  await batch.flush(prng);
}
