import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isValidCreditCode } from '@tianping/common';
import { CASE_HEADERS, generateCity, OFFICER_HEADERS, SUBJECT_HEADERS, type CityManifest } from './index';
import { isValidUtf8, readCity, type ReadCity } from './contract-oracle.spec-helper';

const CONTRACT = { subjects: SUBJECT_HEADERS, cases: CASE_HEADERS, officers: OFFICER_HEADERS };
const END = '2026-06-30';

describe('generateCity', () => {
  const dirs: string[] = [];
  const tempDir = (): string => {
    const dir = mkdtempSync(join(tmpdir(), 'synthetic-city-'));
    dirs.push(dir);
    return dir;
  };
  afterAll(() => dirs.forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  describe('a small city with many bad and repeated records', () => {
    let dir: string;
    let manifest: CityManifest;
    let city: ReadCity;

    beforeAll(async () => {
      dir = tempDir();
      manifest = await generateCity({ enterprises: 300, years: 3, seed: 'spec', outDir: dir, badShare: 0.1, repeatShare: 0.25 });
      city = readCity(dir, manifest.files, CONTRACT, END);
    });

    it('reports exactly what an independent re-reading of the files counts', () => {
      for (const kind of ['subjects', 'cases', 'officers', 'clues'] as const) {
        expect({ kind, ...city.ledgers[kind].counted }).toEqual({ kind, ...manifest.expected[kind] });
      }
      for (const file of manifest.files) expect({ path: file.path, rows: city.fileRows[file.path] }).toEqual({ path: file.path, rows: file.rows });
      expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'))).toEqual(JSON.parse(JSON.stringify(manifest)));
    });

    it('holds invalid rows, duplicates, and late older versions of every versioned kind', () => {
      for (const kind of ['subjects', 'cases', 'clues'] as const) {
        const expected = manifest.expected[kind];
        expect(expected.invalid).toBeGreaterThan(0);
        expect(expected.duplicates).toBeGreaterThan(0);
        expect(expected.staleVersions).toBeGreaterThan(0);
        expect(expected.newerVersions).toBeGreaterThan(0);
        expect(expected.valid).toBe(expected.distinct + expected.duplicates + expected.staleVersions + expected.newerVersions);
      }
      expect(manifest.expected.subjects.distinct).toBe(300);
    });

    it('never versions officers, only repeats them exactly', () => {
      expect(manifest.expected.officers.staleVersions).toBe(0);
      expect(manifest.expected.officers.newerVersions).toBe(0);
      expect(manifest.expected.officers.duplicates).toBeGreaterThan(0);
    });

    it('writes the contract headers exactly, in a different order per file, with at most one unknown extra column', () => {
      const orders = new Set<string>();
      for (const file of manifest.files.filter((f) => f.kind !== 'clues')) {
        const header = city.headers[file.path];
        const contract: readonly string[] = CONTRACT[file.kind as keyof typeof CONTRACT];
        const known = header.filter((h) => contract.includes(h));
        expect(new Set(known)).toEqual(new Set(contract));
        expect(known).toHaveLength(contract.length);
        expect(header.length - known.length).toBeLessThanOrEqual(1);
        orders.add(known.join(','));
      }
      expect(orders.size).toBeGreaterThan(2);
    });

    it('gives every accepted subject a valid credit code and 91/92 prefixes', () => {
      const codes = [...city.ledgers.subjects.accepted.keys()];
      expect(codes.every((code) => isValidCreditCode(code))).toBe(true);
      expect(codes.some((code) => code.startsWith('91'))).toBe(true);
      expect(codes.some((code) => code.startsWith('92'))).toBe(true);
    });

    it('uses all four date spellings', () => {
      const dates = [...city.ledgers.subjects.accepted.values()].map(({ row }) => String(row['成立日期']));
      expect(dates.some((d) => /^\d{4}-\d{2}-\d{2}$/.test(d))).toBe(true);
      expect(dates.some((d) => /^\d{4}\/\d{1,2}\/\d{1,2}$/.test(d))).toBe(true);
      expect(dates.some((d) => /年/.test(d))).toBe(true);
      expect(dates.some((d) => /^\d{8}$/.test(d))).toBe(true);
    });

    it('encodes files as declared: the older export is GB18030 and not valid UTF-8', () => {
      const gb = manifest.files.find((f) => f.encoding === 'gb18030')!;
      const bytes = readFileSync(join(dir, gb.path));
      expect(isValidUtf8(bytes)).toBe(false);
      for (const file of manifest.files.filter((f) => f.encoding !== 'gb18030')) {
        const head = readFileSync(join(dir, file.path)).subarray(0, 3);
        expect({ path: file.path, bom: head.equals(Buffer.from([0xef, 0xbb, 0xbf])) }).toEqual({ path: file.path, bom: file.encoding === 'utf-8-bom' });
      }
    });

    it('staffs every accepted inspection with two eligible officers of a department that may check it', () => {
      const officers = city.ledgers.officers.accepted;
      for (const { row } of city.ledgers.cases.accepted.values()) {
        if (row['案件类型'] !== '检查') continue;
        const ids = String(row['执法人员证号']).split(';');
        expect(ids.length).toBeGreaterThanOrEqual(2);
        for (const id of ids) {
          const officer = officers.get(id)!.row;
          expect(officer['状态']).toBe('在岗');
          expect(String(officer['可检查部门']).split(';')).toContain(row['执法部门']);
        }
      }
    });
  });

  it('is deterministic: the same options and seed give byte-identical files, another seed does not', async () => {
    const [a, b, c] = [tempDir(), tempDir(), tempDir()];
    await generateCity({ enterprises: 300, years: 2, seed: 11, outDir: a });
    await generateCity({ enterprises: 300, years: 2, seed: 11, outDir: b });
    await generateCity({ enterprises: 300, years: 2, seed: 12, outDir: c });
    const filesIn = (dir: string) =>
      readdirSync(dir, { recursive: true, encoding: 'utf8' })
        .filter((name) => statSync(join(dir, name)).isFile())
        .sort();
    const names = filesIn(a);
    expect(names).toContain('truth/enterprises.csv');
    expect(filesIn(b)).toEqual(names);
    for (const name of names) expect({ name, same: readFileSync(join(a, name)).equals(readFileSync(join(b, name))) }).toEqual({ name, same: true });
    expect(readFileSync(join(a, 'subjects-1.csv')).equals(readFileSync(join(c, 'subjects-1.csv')))).toBe(false);
  });

  it('reports progress up to the number of enterprises', async () => {
    const seen: number[] = [];
    await generateCity({ enterprises: 1500, years: 1, seed: 3, outDir: tempDir(), onProgress: (done, total) => seen.push(done / total) });
    expect(seen).toEqual([1000 / 1500, 1]);
  });
});
