import type { Command } from 'commander';
import { intakeBench } from '../bench/intake.bench';
import { printResult, runCommand } from './output.util';

type Bench = (options: { enterprises: number }) => Promise<Record<string, unknown>>;

/** Every benchmark of the suite, by name. Each returns its figures; the last line holds them all. */
const BENCHES: Record<string, Bench> = {
  intake: ({ enterprises }) => intakeBench(enterprises),
};

export function registerBenchCommand(program: Command): void {
  program
    .command('bench [names...]')
    .description(`run benchmarks (${Object.keys(BENCHES).join(', ')}; default all) and print their figures as a final JSON line`)
    .option('--enterprises <n>', 'size of the generated city', '1000000')
    .action((names: string[], opts: { enterprises: string }) =>
      runCommand(async () => {
        const chosen = names.length ? names : Object.keys(BENCHES);
        const unknown = chosen.filter((n) => !BENCHES[n]);
        if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
        const results: Record<string, unknown> = {};
        for (const name of chosen) {
          process.stderr.write(`bench ${name}…\n`);
          results[name] = await BENCHES[name]({ enterprises: Number(opts.enterprises) });
          process.stderr.write(`${JSON.stringify(results[name])}\n`);
        }
        printResult({ command: 'bench', results });
      }),
    );
}
