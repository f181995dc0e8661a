import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { StringDecoder } from 'node:string_decoder';
import { createGunzip, createGzip } from 'node:zlib';
import type { FileDigest } from '@tianping/common';

/** SHA-256 and size of an archive file's bytes as stored (compressed). */
export type { FileDigest };

async function fsync(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Writes text chunks (whole lines) gzip-compressed to a hidden partial file in `dir`, flushes it to
 * disk, then renames it to `nameOf()` (asked once every chunk is written) and flushes the directory:
 * an archive's name only ever holds a complete file. Returns the file's path.
 */
export async function writeArchiveFile(dir: string, chunks: AsyncIterable<string>, nameOf: () => string): Promise<string> {
  const partial = join(dir, `.audit-bodies-${process.pid}-${Date.now()}.partial`);
  let path: string;
  try {
    await pipeline(Readable.from(chunks), createGzip(), createWriteStream(partial, { flags: 'wx', mode: 0o640 }));
    await fsync(partial);
    path = join(dir, nameOf());
    await rename(partial, path);
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await fsync(dir);
  return path;
}

/**
 * Reads an archive file back line by line (split on '\n' only, as written), hashing the bytes as read:
 * `digest` is filled in once the last line has been yielded. A line cut off at the end is yielded too.
 */
export async function* readArchiveLines(path: string, digest: Partial<FileDigest> = {}): AsyncGenerator<string> {
  const hash = createHash('sha256');
  let bytes = 0;
  const gunzip = createGunzip();
  const feeding = pipeline(
    createReadStream(path),
    async function* (source: AsyncIterable<Buffer>) {
      for await (const chunk of source) {
        hash.update(chunk);
        bytes += chunk.length;
        yield chunk;
      }
    },
    gunzip,
  );
  // Read errors reach the loop below through gunzip; this only keeps the promise from going unhandled.
  feeding.catch(() => undefined);
  const decoder = new StringDecoder('utf8');
  let rest = '';
  for await (const chunk of gunzip as AsyncIterable<Buffer>) {
    const lines = (rest + decoder.write(chunk)).split('\n');
    rest = lines.pop() as string;
    yield* lines;
  }
  await feeding;
  rest += decoder.end();
  if (rest !== '') yield rest;
  digest.sha256 = hash.digest('hex');
  digest.bytes = bytes;
}
