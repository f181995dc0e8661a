import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileDigest } from './file-digest';

describe('fileDigest', () => {
  it('gives the SHA-256 and size of a file larger than one read', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'file-digest-'));
    try {
      const content = Buffer.alloc(200_000, 'tianping');
      writeFileSync(join(dir, 'f'), content);
      expect(await fileDigest(join(dir, 'f'))).toEqual({ sha256: createHash('sha256').update(content).digest('hex'), bytes: 200_000 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
