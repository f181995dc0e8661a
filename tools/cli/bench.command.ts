import { spawn } from 'node:child_process';
import { join } from 'node:path';
import type { Command } from 'commander';
import { printResult, runCommand } from './output.util';

const ROOT = join(__dirname, '..', '..');

/** Each benchmark is a script that prints its figures as its last JSON line; it runs in its own process. */
const BENCHES: Record<string, { script: string; args: (size: { enterprises: number }) => string[] }> = {
  intake: { script: 'tools/bench/intake.bench.ts', args: ({ enterprises }) => [String(enterprises)] },
  'intake-params': { script: 'tools/bench/intake-params.bench.ts', args: ({ enterprises }) => [String(enterprises)] },
  'clue-linker': { script: 'tools/bench/clue-linker.bench.ts', args: ({ enterprises }) => [String(enterprises)] },
  scoring: { script: 'tools/bench/scoring.bench.ts', args: ({ enterprises }) => [String(enterprises)] },
  'scoring-scale': { script: 'tools/bench/scoring-scale.bench.ts', args: ({ enterprises }) => [String(enterprises)] },
  'dispatch-plan': { script: 'tools/bench/dispatch-plan.bench.ts', args: () => ['200000', '200'] },
  'audit-verify': { script: 'tools/bench/audit-verify.bench.ts', args: () => ['1000000'] },
  audits: { script: 'tools/bench/audits.bench.ts', args: ({ enterprises }) => [String(enterprises)] },
  'colour-lookup': { script: 'tools/bench/colour-lookup.bench.ts', args: ({ enterprises }) => [String(enterprises), '20', '500'] },
};

export function registerBenchCommand(program: Command): void {
  program
    .command('bench [names...]')
    .description(`run benchmarks (${Object.keys(BENCHES).join(', ')}; default all) and print their figures as a final JSON line`)
    .option('--enterprises <n>', 'size of the generated city for the intake and scoring benchmarks', '1000000')
    .option('--keep', "keep each benchmark's database afterwards (dropped at its next run)")
    .action((names: string[], opts: { enterprises: string; keep?: boolean }) =>
      runCommand(async () => {
        const chosen = names.length ? names : Object.keys(BENCHES);
        const unknown = chosen.filter((n) => !BENCHES[n]);
        if (unknown.length) throw new Error(`unknown benchmark ${unknown.join(', ')}; known: ${Object.keys(BENCHES).join(', ')}`);
        const results: Record<string, unknown> = {};
        for (const name of chosen) {
          process.stderr.write(`bench ${name}…\n`);
          const { script, args } = BENCHES[name];
          const keep = opts.keep ? ['--keep'] : [];
          results[name] = await runBenchScript(script, [...args({ enterprises: Number(opts.enterprises) }), ...keep]);
          process.stderr.write(`${JSON.stringify(results[name])}\n`);
        }
        printResult({ command: 'bench', results });
      }),
    );
}

function runBenchScript(script: string, args: string[]): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--expose-gc', '-r', '@swc-node/register', join(ROOT, script), ...args], {
      cwd: ROOT,
      env: { ...process.env, SWC_NODE_PROJECT: join(ROOT, 'tsconfig.json') },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      const last = out.trim().split('\n').pop() ?? '';
      try {
        resolve(code === 0 ? JSON.parse(last) : { failed: true, exitCode: code, output: last.slice(0, 500) });
      } catch {
        reject(new Error(`${script} printed no JSON line`));
      }
    });
  });
}
