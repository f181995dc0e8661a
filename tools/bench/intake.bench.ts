import { createReadStream } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { NestFactory } from '@nestjs/core';
import { Logger } from '@nestjs/common';
import { parseCluesStream, parseCsvStream, type SourceKind } from '@tianping/intake-core';
import { IntakeCoreModule } from '../../apps/intake/src/intake.module';
import { IngestService } from '../../apps/intake/src/ingest/ingest.service';
import { addCounts, emptyCounts } from '../../apps/intake/src/ingest/ingest-counts';
import { IntakeOutbox } from '../../apps/intake/src/ingest/outbox-relay.provider';
import { EnterpriseRepository } from '../../apps/intake/src/enterprise/enterprise.repository';
import { DataSource } from 'typeorm';
import { backendCpuSince, benchCity, databaseBackendCpu, mainThreadCpuSeconds, memoryWatch, mib, withBenchServices } from './bench-env.util';
import { searchLatency } from './enterprise-search.util';

/**
 * Intake throughput on a generated city: from export files to committed rows and published events.
 * Also times parsing alone, to say where the time goes.
 * Run: node -r @swc-node/register tools/bench/intake.bench.ts [enterprises]
 */
export async function intakeBench(enterprises: number): Promise<Record<string, unknown>> {
  const city = await benchCity(enterprises);
  const parse = await parseOnly(city.dir);
  return withBenchServices('intake', async () => {
    Logger.overrideLogger(['error']);
    const app = await NestFactory.createApplicationContext(IntakeCoreModule, { logger: ['error'] });
    // The city's generation and the parse-only pass ran in this process first: what they left is the baseline.
    const rssBefore = process.memoryUsage().rss;
    const memory = memoryWatch();
    try {
      const dataSource = app.get(DataSource);
      const backendsBefore = await databaseBackendCpu(dataSource);
      const mainBefore = mainThreadCpuSeconds();
      const processBefore = process.cpuUsage();
      const started = performance.now();
      const reports = await app.get(IngestService).ingestDirectory(city.dir);
      const committed = performance.now();
      const published = await app.get(IntakeOutbox).relay.drain();
      const done = performance.now();
      const processCpu = process.cpuUsage(processBefore);
      const mainAfter = mainThreadCpuSeconds();
      const backendsAfter = await databaseBackendCpu(dataSource);
      const totals = reports.reduce((sum, r) => addCounts(sum, r.counts), emptyCounts());
      const seconds = (done - started) / 1000;
      const search = await searchLatency(dataSource, app.get(EnterpriseRepository));
      return {
        bench: 'intake',
        enterprises,
        records: totals.read,
        ...totals,
        seconds: round(seconds),
        recordsPerSecond: Math.round(totals.read / seconds),
        target: 50000,
        commitSeconds: round((committed - started) / 1000),
        // CPU over the same span, steadier than seconds on a shared machine: the event loop's thread,
        // the whole process (with the parsing thread and GC), and the database's backends (null if not local).
        cpuSeconds: {
          mainThread: mainBefore === null || mainAfter === null ? null : round(mainAfter - mainBefore),
          process: round((processCpu.user + processCpu.system) / 1e6),
          database: backendCpuSince(backendsBefore, backendsAfter),
        },
        publishTailSeconds: round((done - committed) / 1000),
        eventsPublishedAfterCommit: published,
        parseOnlySeconds: round(parse.seconds),
        parseOnlyRecordsPerSecond: Math.round(parse.records / parse.seconds),
        perFile: reports.map((r) => ({
          file: r.file.split('/').pop(),
          read: r.counts.read,
          seconds: round(r.seconds),
          perSecond: Math.round(r.counts.read / r.seconds),
        })),
        peakRssMiB: mib(memory.peak()),
        rssBeforeIngestMiB: mib(rssBefore),
        cityGeneratedSeconds: city.generatedSeconds,
        // After the ingest, outside its timings: milliseconds per search, by the kind of query.
        searchMs: search,
      };
    } finally {
      memory.stop();
      await app.close();
    }
  });
}

async function parseOnly(dir: string): Promise<{ records: number; seconds: number }> {
  const started = performance.now();
  let records = 0;
  for (const name of (await readdir(dir)).sort()) {
    const kind = kindOf(name);
    if (!kind) continue;
    const stream = createReadStream(join(dir, name), { highWaterMark: 1 << 20 });
    const outcomes = kind === 'clues' ? parseCluesStream(stream, { now: new Date() }) : parseCsvStream(kind, stream, { now: new Date() });
    for await (const outcome of outcomes) if (outcome) records++;
  }
  return { records, seconds: (performance.now() - started) / 1000 };
}

function kindOf(name: string): SourceKind | null {
  const match = /^(subjects|cases|officers|clues)-?\d*\.(csv|jsonl)$/.exec(name);
  return match ? (match[1] as SourceKind) : null;
}

const round = (n: number) => Math.round(n * 100) / 100;

if (require.main === module) {
  intakeBench(Number(process.argv[2] ?? 1_000_000))
    .then((figures) => process.stdout.write(`${JSON.stringify(figures)}\n`))
    .catch((error: Error) => {
      process.stderr.write(`bench failed: ${error.message}\n`);
      process.exitCode = 1;
    });
}
