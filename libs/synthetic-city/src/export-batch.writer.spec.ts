import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Prng } from '@tianping/common';
import { ExportBatch } from './export-batch.writer';

describe('ExportBatch', () => {
  const dir = mkdtempSync(join(tmpdir(), 'export-batch-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  /** Writes rows a0..a49 (and, when asked, interleaved rows b0..b9) and returns the file's lines and the first stream's next draw. */
  async function write(name: string, interleave: boolean): Promise<{ lines: string[]; next: number; valid: number }> {
    const batch = new ExportBatch('clues', dir, [{ path: name, encoding: 'utf-8' }], null, new Prng('layout'));
    for (let i = 0; i < 50; i++) batch.add(0, { key: `a${i}`, version: 0, stamp: '', payload: `a${i}` });
    if (interleave) for (let i = 0; i < 10; i++) batch.interleaved.add(0, { key: `b${i}`, version: 0, stamp: '', payload: `b${i}` });
    const prng = new Prng('rows');
    await batch.flush(prng, new Prng('interleaved'));
    await batch.close();
    const lines = readFileSync(join(dir, name), 'utf8').split('\n').filter(Boolean);
    return { lines, next: prng.next(), valid: batch.expected.valid };
  }

  it('scatters interleaved rows among the others without changing their order or the first stream', async () => {
    const plain = await write('plain.jsonl', false);
    const mixed = await write('mixed.jsonl', true);
    expect(mixed.lines.filter((line) => line.startsWith('a'))).toEqual(plain.lines);
    expect(mixed.next).toBe(plain.next);
    expect(mixed.valid).toBe(60);
    // Not all at the end: they are scattered.
    expect(mixed.lines.slice(0, 50).some((line) => line.startsWith('b'))).toBe(true);
  });
});
