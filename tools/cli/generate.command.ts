import type { Command } from 'commander';
import { generateCity } from '@tianping/synthetic-city';
import { printResult, progressBar, runCommand } from './output.util';

export function registerGenerateCommand(program: Command): void {
  program
    .command('generate')
    .description("write a synthetic city in the platforms' export formats, with its hidden truth beside it")
    .requiredOption('--enterprises <n>', 'how many enterprises')
    .option('--years <y>', 'years of history', '3')
    .option('--seed <s>', 'random seed', '1')
    .requiredOption('--out <dir>', 'output directory')
    .action((opts: { enterprises: string; years: string; seed: string; out: string }) =>
      runCommand(async () => {
        const started = Date.now();
        const bar = progressBar('generate');
        const enterprises = positiveInt(opts.enterprises, '--enterprises');
        bar.start(enterprises, 0, { unit: 'enterprises' });
        const manifest = await generateCity({
          enterprises,
          years: positiveInt(opts.years, '--years'),
          seed: /^\d+$/.test(opts.seed) ? Number(opts.seed) : opts.seed,
          outDir: opts.out,
          onProgress: (done) => bar.update(done),
        });
        bar.update(enterprises);
        bar.stop();
        printResult({ command: 'generate', out: opts.out, seconds: (Date.now() - started) / 1000, files: manifest.files.length, expected: manifest.expected });
      }),
    );
}

function positiveInt(value: string, name: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${value}"`);
  return n;
}
