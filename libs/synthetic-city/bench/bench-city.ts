/**
 * Times generateCity on a large city and prints rows per second.
 * Run: node -r @swc-node/register libs/synthetic-city/bench/bench-city.ts [enterprises=100000] [outDir]
 */
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateCity } from '../src';

async function main(): Promise<void> {
  const enterprises = Number(process.argv[2] ?? 100_000);
  const outDir = process.argv[3] ?? (await mkdtemp(join(tmpdir(), 'city-bench-')));
  const started = process.hrtime.bigint();
  const manifest = await generateCity({ enterprises, years: 3, seed: 'bench', outDir });
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  let bytes = 0;
  for (const name of await readdir(outDir)) bytes += (await stat(join(outDir, name))).size;
  const rows = manifest.files.reduce((sum, file) => sum + file.rows, 0);
  const heapMb = process.memoryUsage().rss / 2 ** 20;
  console.log(
    `enterprises=${enterprises} rows=${rows} bytes=${(bytes / 2 ** 20).toFixed(0)}MiB seconds=${seconds.toFixed(1)} rows/s=${Math.round(rows / seconds)} rss=${heapMb.toFixed(0)}MiB`,
  );
  console.log(JSON.stringify(manifest.expected));
  if (!process.argv[3]) await rm(outDir, { recursive: true, force: true });
}

void main();
