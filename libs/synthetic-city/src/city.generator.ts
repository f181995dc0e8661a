import { mkdir, writeFile } from 'node:fs/promises';
import { hashSeed, Prng } from '@tianping/common';
import { civilFromDay, dayFromCivil, formatDay, parseIsoDay } from './calendar.util';
import type { CityManifest, CityOptions, RecordKind } from './city-options.model';
import { ClueIdMinter } from './clue-line.util';
import { EnterpriseFactory } from './enterprise.factory';
import { ExportBatch } from './export-batch.writer';
import { FileSink } from './file-sink.util';
import { CASE_HEADERS, OFFICER_HEADERS, SUBJECT_HEADERS } from './headers.data';
import { OfficerRoster } from './officer-roster.util';
import { writeOfficers } from './officer-export.writer';
import { placeEnterprise, type CityContext } from './enterprise-export.writer';

/**
 * Bumped whenever the same options and seed give a different city (2: orders to rectify are re-inspected),
 * so that a city kept on disk (the demo's) is made again rather than read as if current.
 */
export const CITY_GENERATOR_VERSION = 2;

/** Where the hidden truth goes, relative to the city's folder (the manifest names these paths). */
const TRUTH_FILES = {
  dir: 'truth',
  enterprises: 'truth/enterprises.csv',
  inspections: 'truth/inspections.csv',
  clues: 'truth/clues.csv',
} as const;

/** Enterprises per chunk: big enough to shuffle rows convincingly, small enough to stay in cache. */
const CHUNK = 1000;

export const DEFAULT_END_DATE = '2026-06-30';

/**
 * Writes a synthetic city in the two platforms' export formats, the hidden truth beside it, and a
 * manifest of what a correct intake must report. Same options and seed ⇒ byte-identical files.
 */
export async function generateCity(options: CityOptions): Promise<CityManifest> {
  const endDate = options.endDate ?? DEFAULT_END_DATE;
  const endDay = parseIsoDay(endDate);
  const end = civilFromDay(endDay);
  const windowStartDay = dayFromCivil(end.year - options.years, end.month, Math.min(end.day, 28));
  if (!Number.isInteger(options.enterprises) || options.enterprises < 1) throw new Error('enterprises must be a positive integer');
  if (!(options.years > 0)) throw new Error('years must be positive');
  await mkdir(options.outDir, { recursive: true });
  const seedText = String(options.seed);
  const root = new Prng(hashSeed(`synthetic-city|${seedText}`));
  const roster = new OfficerRoster(options.enterprises, windowStartDay, endDay, root.fork('officers'));
  const out = options.outDir;
  const layout = root.fork('layout');
  const batches = {
    subjects: new ExportBatch(
      'subjects',
      out,
      [
        { path: 'subjects-1.csv', encoding: 'utf-8-bom' },
        { path: 'subjects-2.csv', encoding: 'gb18030', crlf: true },
        { path: 'subjects-3.csv', encoding: 'utf-8' },
      ],
      SUBJECT_HEADERS,
      layout,
    ),
    cases: new ExportBatch(
      'cases',
      out,
      [
        { path: 'cases-1.csv', encoding: 'utf-8-bom' },
        { path: 'cases-2.csv', encoding: 'utf-8' },
      ],
      CASE_HEADERS,
      layout,
    ),
    officers: new ExportBatch('officers', out, [{ path: 'officers.csv', encoding: 'utf-8-bom' }], OFFICER_HEADERS, layout),
    clues: new ExportBatch(
      'clues',
      out,
      [
        { path: 'clues-1.jsonl', encoding: 'utf-8' },
        { path: 'clues-2.jsonl', encoding: 'utf-8' },
      ],
      null,
      layout,
    ),
  } satisfies Record<RecordKind, ExportBatch>;
  // In a folder of its own, so that an intake reading the city's folder meets only exports.
  await mkdir(`${out}/${TRUTH_FILES.dir}`, { recursive: true });
  const truth = {
    enterprises: new FileSink(`${out}/${TRUTH_FILES.enterprises}`, 'utf-8'),
    inspections: new FileSink(`${out}/${TRUTH_FILES.inspections}`, 'utf-8'),
    clues: new FileSink(`${out}/${TRUTH_FILES.clues}`, 'utf-8'),
  };
  await truth.enterprises.write('credit_code,observable_logit,unobserved_effect,latent_logit,propensity,propensity_at_end,shared_address_count\n');
  await truth.inspections.write('case_no,credit_code,date,department,origin,true_probability_found,found,follows\n');
  await truth.clues.write('clue_id,credit_code,link,genuine\n');

  const context: CityContext = {
    endDay,
    windowStartDay,
    cutoffDay: endDay - 365,
    badShare: options.badShare ?? 0.02,
    repeatShare: options.repeatShare ?? 0.03,
    roster,
    caseSerials: new Map(),
    clueIds: new ClueIdMinter(),
  };
  await writeOfficers(roster, batches.officers, context, root.fork('officer-rows'));

  const factory = new EnterpriseFactory(root.fork('enterprises'), endDay);
  for (let first = 0; first < options.enterprises; first += CHUNK) {
    const last = Math.min(first + CHUNK, options.enterprises);
    const prng = new Prng(hashSeed(`${seedText}|chunk|${first}`));
    // A stream of its own for re-inspections: the rest of the chunk is the same with or without them.
    const reInspectionPrng = new Prng(hashSeed(`${seedText}|chunk|${first}|re-inspections`));
    const text = { enterprises: '', inspections: '', clues: '' };
    for (let index = first; index < last; index++) {
      const enterprise = factory.next(index, prng);
      const truthRows = placeEnterprise(enterprise, batches, context, prng, reInspectionPrng);
      text.enterprises += truthRows.enterprise;
      text.inspections += truthRows.inspections;
      text.clues += truthRows.clues;
    }
    for (const batch of Object.values(batches)) await batch.flush(prng, reInspectionPrng);
    await truth.enterprises.write(text.enterprises);
    await truth.inspections.write(text.inspections);
    await truth.clues.write(text.clues);
    options.onProgress?.(last, options.enterprises);
  }

  const files = [];
  for (const batch of Object.values(batches)) files.push(...(await batch.close()));
  for (const sink of Object.values(truth)) await sink.close();
  const manifest: CityManifest = {
    generator: CITY_GENERATOR_VERSION,
    seed: options.seed,
    enterprises: options.enterprises,
    years: options.years,
    endDate: formatDay(endDay),
    files,
    expected: {
      subjects: batches.subjects.expected,
      cases: batches.cases.expected,
      officers: batches.officers.expected,
      clues: batches.clues.expected,
    },
    truth: { enterprises: TRUTH_FILES.enterprises, inspections: TRUTH_FILES.inspections, clues: TRUTH_FILES.clues },
  };
  await writeFile(`${out}/manifest.json`, JSON.stringify(manifest, null, 2) + '\n');
  return manifest;
}
