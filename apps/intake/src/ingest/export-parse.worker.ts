import { createReadStream } from 'node:fs';
import { parentPort } from 'node:worker_threads';
import { parseCluesStream, parseCsvStream, recordFingerprint, type Outcome, type RecordByKind, type SourceKind } from '@tianping/intake-core';
import { PARSE_CHUNK, PARSE_CHUNKS_AHEAD, type ParseJob, type ParseMessage, type ParseRequest } from './export-parse.thread';

/**
 * The parsing thread: parses each file it is given and sends the outcomes back in chunks, never more than
 * PARSE_CHUNKS_AHEAD unread, so a large file does not pile up in memory while the writer catches up.
 */
function serve(port: NonNullable<typeof parentPort>): void {
  let credits = 0;
  let wake: (() => void) | undefined;
  const send = async (message: ParseMessage): Promise<void> => {
    while (credits === 0) await new Promise<void>((resolve) => (wake = resolve));
    credits--;
    port.postMessage(message);
  };
  port.on('message', (request: ParseRequest) => {
    if ('next' in request) credits++;
    else {
      credits = PARSE_CHUNKS_AHEAD;
      void parseFile(request.job, send);
    }
    wake?.();
  });
}

async function parseFile(job: ParseJob, send: (message: ParseMessage) => Promise<void>): Promise<void> {
  const stream = createReadStream(job.path, { highWaterMark: 1 << 20 });
  const ctx = { now: new Date(job.now) };
  const outcomes: AsyncIterable<Outcome<unknown>> = job.kind === 'clues' ? parseCluesStream(stream, ctx) : parseCsvStream(job.kind, stream, ctx);
  let chunk: Outcome<unknown>[] = [];
  try {
    for await (const outcome of outcomes) {
      // The fingerprint is taken here too: one of the costlier steps left to the writing thread.
      if (outcome.ok) (outcome as { fingerprint?: string }).fingerprint = recordFingerprint(job.kind, outcome.record as RecordByKind[SourceKind]);
      chunk.push(outcome);
      if (chunk.length < PARSE_CHUNK) continue;
      await send({ outcomes: chunk, bytesRead: stream.bytesRead });
      chunk = [];
    }
    await send({ outcomes: chunk, bytesRead: stream.bytesRead, done: true });
  } catch (error) {
    // What was read whole goes first, then why the file ended, as the parser itself hands them on.
    const { name, message } = error instanceof Error ? error : new Error(String(error));
    await send({ outcomes: chunk, bytesRead: stream.bytesRead, failure: { name, message } });
  }
}

if (parentPort) serve(parentPort);
