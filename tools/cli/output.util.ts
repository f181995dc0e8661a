import { SingleBar, Presets } from 'cli-progress';

/** Long commands draw a progress bar on stderr and end with one JSON line of results on stdout. */
export function progressBar(label: string): SingleBar {
  return new SingleBar(
    { format: `${label} [{bar}] {percentage}% | {value}/{total} {unit}`, stream: process.stderr, hideCursor: true, clearOnComplete: false },
    Presets.shades_classic,
  );
}

export function printResult(result: unknown): void {
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

/** Runs a command body; an error becomes one line on stderr and exit code 1, never a stack dump for users. */
export async function runCommand(body: () => Promise<number | void>): Promise<void> {
  try {
    const code = await body();
    process.exitCode = code ?? 0;
  } catch (error) {
    process.stderr.write(`error: ${(error as Error).message}\n`);
    if (process.env.TIANPING_DEBUG) process.stderr.write(`${(error as Error).stack}\n`);
    process.exitCode = 1;
  }
}
