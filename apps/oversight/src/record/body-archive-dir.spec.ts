import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { auditArchiveDir } from './body-archive-dir';

describe('AUDIT_ARCHIVE_DIR', () => {
  it('is none when unset or blank, else the directory given', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tianping-archive-dir-'));
    try {
      expect(auditArchiveDir({})).toBeUndefined();
      expect(auditArchiveDir({ AUDIT_ARCHIVE_DIR: '  ' })).toBeUndefined();
      expect(auditArchiveDir({ AUDIT_ARCHIVE_DIR: ` ${dir} ` })).toBe(dir);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses, naming the setting, a directory that is not there', () => {
    expect(() => auditArchiveDir({ AUDIT_ARCHIVE_DIR: '/nonexistent/tianping-archives' })).toThrow(
      'AUDIT_ARCHIVE_DIR: no directory /nonexistent/tianping-archives',
    );
  });
});
