import { Worker } from 'node:worker_threads';
import type { Outcome, SourceKind } from '@tianping/intake-core';

/** Outcomes per message from the parsing thread, and how many messages it may send ahead of the writer. */
export const PARSE_CHUNK = 1000;
export const PARSE_CHUNKS_AHEAD = 8;

export interface ParseJob {
  path: string;
  kind: SourceKind;
  /** The parse context's instant, as epoch milliseconds. */
  now: number;
}

/** To the thread: a file to parse, or leave to send one more chunk. */
export type ParseRequest = { job: ParseJob } | { next: true };

export interface ParseMessage {
  outcomes: Outcome<unknown>[];
  bytesRead: number;
  done?: boolean;
  failure?: { name: string; message: string };
}

/**
 * Parses export files in one worker thread, file after file, so that parsing the next batch and writing
 * this one run on two cores. Each file gives the same outcomes, in the same order, as parsing it here.
 * One thread serves many files: starting one costs most of a second. `close()` ends it.
 */
export class ExportParseThread {
  private worker?: Worker;
  private inbox: ParseMessage[] = [];
  private ended?: Error;
  private wake?: () => void;

  /** The outcomes of one file; `progress.bytesRead` follows the parser's reading. Files are parsed one at a time. */
  async *parse(job: ParseJob, progress: { bytesRead: number } = { bytesRead: 0 }): AsyncGenerator<Outcome<unknown>> {
    const worker = this.started();
    worker.postMessage({ job } satisfies ParseRequest);
    let finished = false;
    try {
      for (;;) {
        const message = await this.nextMessage();
        progress.bytesRead = message.bytesRead;
        worker.postMessage({ next: true } satisfies ParseRequest);
        yield* message.outcomes;
        if (message.failure) {
          finished = true;
          throw Object.assign(new Error(message.failure.message), { name: message.failure.name });
        }
        if (message.done) {
          finished = true;
          return;
        }
      }
    } finally {
      // A reader that stopped part-way leaves the thread mid-file: it is ended, and the next file starts another.
      if (!finished) await this.close();
    }
  }

  async close(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.inbox = [];
    if (!worker) return;
    worker.removeAllListeners();
    await worker.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    this.ended = undefined;
    const worker = (this.worker = startWorker());
    worker.on('message', (message: ParseMessage) => {
      this.inbox.push(message);
      this.wake?.();
    });
    worker.on('error', (error) => {
      this.ended = error;
      this.wake?.();
    });
    worker.on('exit', (code) => {
      this.ended ??= new Error(`the export parsing thread stopped (exit code ${code})`);
      this.worker = undefined;
      this.wake?.();
    });
    return worker;
  }

  private async nextMessage(): Promise<ParseMessage> {
    while (this.inbox.length === 0) {
      if (this.ended) throw this.ended;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
    return this.inbox.shift()!;
  }
}

/** Run as TypeScript (swc on load, as bin/tianping.js and Jest do) the thread registers swc first; built, it loads the JavaScript. */
function startWorker(): Worker {
  const entry = require.resolve('./export-parse.worker');
  const register = entry.endsWith('.ts') ? `require(${JSON.stringify(require.resolve('@swc-node/register'))});` : '';
  return new Worker(`${register}require(${JSON.stringify(entry)});`, { eval: true });
}
