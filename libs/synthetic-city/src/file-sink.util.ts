import { createWriteStream, type WriteStream } from 'node:fs';
import { once } from 'node:events';
import * as iconv from 'iconv-lite';

export type ExportEncoding = 'utf-8' | 'utf-8-bom' | 'gb18030';

/** A file written in chunks that waits for the disk when the stream's buffer is full (backpressure). */
export class FileSink {
  private readonly stream: WriteStream;
  private failure: Error | null = null;

  constructor(
    readonly path: string,
    readonly encoding: ExportEncoding,
  ) {
    this.stream = createWriteStream(path);
    this.stream.on('error', (error) => (this.failure = error));
    if (encoding === 'utf-8-bom') this.stream.write('\uFEFF');
  }

  async write(text: string): Promise<void> {
    if (this.failure) throw this.failure;
    if (text.length === 0) return;
    const data = this.encoding === 'gb18030' ? iconv.encode(text, 'gb18030') : Buffer.from(text, 'utf8');
    if (!this.stream.write(data)) await once(this.stream, 'drain');
  }

  async close(): Promise<void> {
    if (this.failure) throw this.failure;
    this.stream.end();
    await once(this.stream, 'finish');
  }
}
