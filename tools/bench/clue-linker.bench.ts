import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { Prng } from '@tianping/common';
import { ClueLinker, parseCluesStream, parseCsvStream, type ClueLink, type ClueRecord, type LinkableSubject } from '@tianping/intake-core';
import { benchCity, memoryWatch, mib } from './bench-env.util';

/** What the bench needs of a linker, so an older implementation can be timed against the same city. */
export interface Linker {
  link(clue: ClueRecord, excluded?: ReadonlySet<string>): ClueLink;
  /** Renames or moves a known subject in place; without it the update pass is skipped. */
  update?(subject: LinkableSubject): void;
}

/** Of every hundred subjects, this many are renamed or moved in the update pass. */
const UPDATED_PERCENT = 1;

export interface LinkerCity {
  subjects: LinkableSubject[];
  clues: ClueRecord[];
}

/**
 * Clue linking alone, on a generated city: the linker is built from every subject (the latest
 * version of each), then links every valid clue, and again each linked clue with the enterprise it
 * was linked to excluded (as after an appeal). Outcomes are summed up in a digest, so two
 * implementations can be shown to agree clue by clue.
 * Then 1 % of subjects are renamed or moved: the linker is updated in place and, apart, rebuilt
 * from the changed subjects; both link every clue again and must give the same digest.
 * Run: node -r @swc-node/register tools/bench/clue-linker.bench.ts [enterprises]
 */
export async function clueLinkerBench(enterprises: number, build: (subjects: LinkableSubject[]) => Linker = (s) => new ClueLinker(s)) {
  const city = await benchCity(enterprises);
  const { subjects, clues } = await loadLinkerCity(city.dir);
  const loadBefore = loadavg()[0];
  const memory = memoryWatch();
  const heapBefore = heapUsed();
  const built = performance.now();
  const linker = build(subjects);
  const buildSeconds = (performance.now() - built) / 1000;
  const indexMiB = mib(heapUsed() - heapBefore);
  const run = linkAll(linker, clues);
  const update = updatePass(linker, subjects, clues, build);
  memory.stop();
  return {
    bench: 'clue-linker',
    enterprises,
    subjects: subjects.length,
    clues: clues.length,
    buildSeconds: round(buildSeconds),
    indexHeapMiB: indexMiB,
    linkSeconds: round(run.seconds),
    linkCpuSeconds: round(run.cpuSeconds),
    cluesPerSecond: Math.round(clues.length / run.seconds),
    excludedLinks: run.excludedLinks,
    excludedSeconds: round(run.excludedSeconds),
    methods: run.methods,
    digest: run.digest,
    update,
    peakRssMiB: mib(memory.peak()),
    loadAverage: [round(loadBefore), round(loadavg()[0])],
    cityGeneratedSeconds: city.generatedSeconds,
  };
}

/** Every valid subject (its latest version) and every valid clue of the city's export files. */
export async function loadLinkerCity(dir: string): Promise<LinkerCity> {
  const latest = new Map<string, { subject: LinkableSubject; updatedAt: number }>();
  const clues: ClueRecord[] = [];
  const now = new Date();
  for (const name of (await readdir(dir)).sort()) {
    const stream = () => createReadStream(join(dir, name), { highWaterMark: 1 << 20 });
    if (/^subjects-?\d*\.csv$/.test(name)) {
      for await (const outcome of parseCsvStream('subjects', stream(), { now })) {
        if (!outcome.ok) continue;
        const { creditCode, name: subjectName, address, updatedAt } = outcome.record;
        const known = latest.get(creditCode);
        if (known === undefined || known.updatedAt < updatedAt.getTime()) {
          latest.set(creditCode, { subject: { creditCode, name: subjectName, address }, updatedAt: updatedAt.getTime() });
        }
      }
    } else if (/^clues-?\d*\.jsonl$/.test(name)) {
      for await (const outcome of parseCluesStream(stream(), { now })) if (outcome.ok) clues.push(outcome.record);
    }
  }
  return { subjects: [...latest.values()].map((v) => v.subject), clues };
}

/** Links every clue (timed), then every linked clue with its enterprise excluded (timed apart); digests all outcomes. */
export function linkAll(linker: Linker, clues: ClueRecord[]) {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const links = clues.map((clue) => linker.link(clue));
  const seconds = (performance.now() - started) / 1000;
  // CPU time says more than wall time when other work shares the machine (it includes the GC's threads).
  const cpuUsed = process.cpuUsage(cpu);
  const cpuSeconds = (cpuUsed.user + cpuUsed.system) / 1e6;
  const hash = createHash('sha256');
  const methods: Record<string, number> = {};
  for (const link of links) {
    hash.update(`${link.creditCode}|${link.method}|${link.candidates}\n`);
    methods[link.method] = (methods[link.method] ?? 0) + 1;
  }
  const excludedStarted = performance.now();
  let excludedLinks = 0;
  for (let i = 0; i < clues.length; i++) {
    const code = links[i].creditCode;
    if (code === null) continue;
    const link = linker.link(clues[i], new Set([code]));
    hash.update(`x${i}|${link.creditCode}|${link.method}|${link.candidates}\n`);
    excludedLinks++;
  }
  const excludedSeconds = (performance.now() - excludedStarted) / 1000;
  return { links, seconds, cpuSeconds, excludedLinks, excludedSeconds, methods, digest: hash.digest('hex').slice(0, 16) };
}

/**
 * Renames or moves a seeded sample of subjects, to names and addresses other subjects have as well
 * as new ones, and times bringing the linker up to date in place against building one afresh.
 */
function updatePass(linker: Linker, subjects: LinkableSubject[], clues: ClueRecord[], build: (subjects: LinkableSubject[]) => Linker) {
  if (linker.update === undefined) return null;
  const changed = changedSubjects(subjects, Math.round((subjects.length * UPDATED_PERCENT) / 100));
  const updateStarted = performance.now();
  for (const subject of changed.values()) linker.update(subject);
  const inPlaceSeconds = (performance.now() - updateStarted) / 1000;
  const updated = linkAll(linker, clues).digest;
  const rebuildStarted = performance.now();
  const rebuilt = build(subjects.map((s) => changed.get(s.creditCode) ?? s));
  const rebuildSeconds = (performance.now() - rebuildStarted) / 1000;
  const rebuiltDigest = linkAll(rebuilt, clues).digest;
  if (updated !== rebuiltDigest) process.exitCode = 1;
  return {
    changedSubjects: changed.size,
    inPlaceSeconds: round(inPlaceSeconds, 4),
    rebuildSeconds: round(rebuildSeconds),
    digest: updated,
    rebuiltDigest,
    digestsEqual: updated === rebuiltDigest,
  };
}

/** `count` distinct subjects (seeded), each with a new name or address: another subject's, a new one, or none. */
function changedSubjects(subjects: LinkableSubject[], count: number): Map<string, LinkableSubject> {
  const random = new Prng(7);
  const pick = () => random.pick(subjects);
  const changed = new Map<string, LinkableSubject>();
  while (changed.size < Math.min(count, subjects.length)) {
    const subject = pick();
    if (changed.has(subject.creditCode)) continue;
    changed.set(subject.creditCode, changedVersion(subject, pick(), changed.size));
  }
  return changed;
}

/** The `nth` change, in turn: a new name, another subject's name, its address, a new address, no address. */
function changedVersion(subject: LinkableSubject, other: LinkableSubject, nth: number): LinkableSubject {
  switch (nth % 5) {
    case 0:
      return { ...subject, name: `${subject.name}二店` };
    case 1:
      return { ...subject, name: other.name };
    case 2:
      return { ...subject, address: other.address };
    case 3:
      return { ...subject, address: `${subject.address ?? ''}${nth % 40}号楼` };
    default:
      return { ...subject, address: null };
  }
}

function heapUsed(): number {
  (global as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
}

const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

if (require.main === module) {
  clueLinkerBench(Number(process.argv[2] ?? 100_000))
    .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`))
    .catch((error: Error) => {
      process.stderr.write(`bench failed: ${error.message}\n`);
      process.exitCode = 1;
    });
}
