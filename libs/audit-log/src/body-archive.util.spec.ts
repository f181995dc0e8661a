import { createEntry } from './audit-entry.util';
import { archivedEntryIntact, archiveFileName, archiveLine, parseArchiveLine } from './body-archive.util';

const first = createEntry(null, {
  at: '2025-11-02T03:04:05.000Z',
  data: { score: { probability: 0.1 + 0.2, reasons: ['近两年有违法记录', 'é\u2028'] } },
  kind: 'score',
  ref: 'A',
});
const second = createEntry(first, { at: '2025-11-02T03:04:05.000Z', data: { n: 1e21, tiny: 5e-324, neg: -0 }, kind: 'score', ref: null });

describe('body archive lines', () => {
  it('give back the exact stored body text, seq, prev and leaf hash, and are JSON any reader can read', () => {
    for (const entry of [first, second]) {
      const line = archiveLine(entry);
      expect(parseArchiveLine(line)).toEqual({ entry });
      expect(JSON.parse(line)).toEqual({ seq: entry.seq, prev: entry.prevHash, leaf: entry.leafHash, body: JSON.parse(entry.bodyJson) });
      expect(line).not.toContain('\n');
      expect(archivedEntryIntact(entry)).toBe(true);
    }
  });

  it('recompute the leaf hash exactly as the record does: any change to body, seq or prev is found', () => {
    const line = archiveLine(second);
    const changed = [
      line.replace('"n":1e+21', '"n":1e+22'),
      line.replace(`"seq":1,`, '"seq":2,'),
      line.replace(`"prev":"${second.prevHash}"`, `"prev":"${'0'.repeat(64)}"`),
      line.replace('"ref":null', '"ref": null'),
    ];
    for (const text of changed) {
      expect(text).not.toBe(line);
      const parsed = parseArchiveLine(text);
      expect('entry' in parsed && archivedEntryIntact(parsed.entry)).toBe(false);
    }
  });

  it('refuse what is not a line of an archive', () => {
    for (const text of ['', '{}', '{"seq":-1,"prev":"x","leaf":"y","body":{}}', `{"seq":01,${archiveLine(first).slice(9)}`, archiveLine(first) + ' ']) {
      expect(parseArchiveLine(text)).toEqual({ problem: 'not a line of a body archive' });
    }
    // A line cut short still parses when it ends on a brace of the body: its leaf hash gives it away.
    const cut = parseArchiveLine(archiveLine(first).slice(0, -1));
    expect('entry' in cut && archivedEntryIntact(cut.entry)).toBe(false);
  });

  it('name files by their seq range, sorting in seq order', () => {
    expect(archiveFileName(0, 999)).toBe('audit-bodies-000000000000-000000000999.jsonl.gz');
    expect([archiveFileName(1000, 1999), archiveFileName(0, 999)].sort()[0]).toBe(archiveFileName(0, 999));
  });
});
