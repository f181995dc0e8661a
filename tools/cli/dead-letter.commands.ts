import type { Command } from 'commander';
import { loadSuiteConfig } from '@tianping/common';
import { connectNats, deadLetterPayload, ensureStreams, listDeadLetters, replayDeadLetter } from '@tianping/messaging';
import { wholeNumber } from './cli-arguments.util';
import { printResult, runCommand } from './output.util';

async function withNats<T>(body: (nc: Awaited<ReturnType<typeof connectNats>>) => Promise<T>): Promise<T> {
  const nc = await connectNats(loadSuiteConfig().natsUrl, 'tianping-cli');
  try {
    await ensureStreams(nc);
    return await body(nc);
  } finally {
    await nc.close();
  }
}

export function registerDeadLetterCommands(program: Command): void {
  const dl = program.command('dead-letters').description('messages no retry could deliver: list, inspect, replay');
  dl.command('list')
    .option('--after <seq>', 'page: dead letters after this sequence', '0')
    .option('--limit <n>', 'how many', '50')
    .action((opts: { after: string; limit: string }) =>
      runCommand(async () => {
        const query = { afterSeq: wholeNumber(opts.after, '--after'), limit: wholeNumber(opts.limit, '--limit', { min: 1, max: 1000 }) };
        const letters = await withNats((nc) => listDeadLetters(nc, query));
        for (const l of letters) process.stderr.write(`#${l.seq} ${l.originalSubject} (${l.deliveries ?? '?'} deliveries): ${l.error}\n`);
        printResult({ command: 'dead-letters list', count: letters.length, deadLetters: letters });
      }),
    );
  dl.command('show <seq>').action((seq: string) =>
    runCommand(async () => {
      const n = wholeNumber(seq, 'seq', { min: 1 });
      printResult({ command: 'dead-letters show', seq: n, payload: await withNats((nc) => deadLetterPayload(nc, n)) });
    }),
  );
  dl.command('replay <seq>')
    .description('send it back to its original subject and remove it from the dead letters')
    .action((seq: string) =>
      runCommand(async () => {
        const n = wholeNumber(seq, 'seq', { min: 1 });
        printResult({ command: 'dead-letters replay', ...(await withNats((nc) => replayDeadLetter(nc, n))) });
      }),
    );
}
