import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as iconv from 'iconv-lite';
import { generatedCitySpec, generateCityTable } from '@tianping/risk-model';

/** `tianping backtest --csv` on a table as a spreadsheet in China saves it: GB18030, semicolons, Chinese team names. */
describe('tianping backtest --csv', () => {
  it('reads a GB18030, semicolon-separated table and reports what it set aside', () => {
    const dir = mkdtempSync(join(tmpdir(), 'backtest-csv-'));
    const rows = generateCityTable(1200, 4).map((r, i) => ({ ...r, team: `检查${r.team}组`, found: i === 3 ? '未知' : r.found }));
    const columns = Object.keys(rows[0]);
    const text = [columns.join(';'), ...rows.map((r) => columns.map((c) => r[c as keyof typeof r]).join(';'))].join('\r\n');
    writeFileSync(join(dir, 'table.csv'), iconv.encode(text, 'gb18030'));
    writeFileSync(join(dir, 'spec.json'), JSON.stringify(generatedCitySpec()));
    const cli = join(__dirname, '..', '..', 'bin', 'tianping.js');
    const args = ['backtest', '--csv', join(dir, 'table.csv'), '--spec', join(dir, 'spec.json')];
    const window = ['--train-until', '2021-07-01', '--test-from', '2021-07-01', '--test-to', '2021-12-31', '--use-team'];
    const lines = execFileSync(process.execPath, [cli, ...args, ...window], { encoding: 'utf8' })
      .trim()
      .split('\n');
    const result = JSON.parse(lines[lines.length - 1]) as { trainRows: number; testRows: number; skippedRows: unknown; auc: number };
    expect(result.skippedRows).toEqual({ total: 1, byReason: { label: { count: 1, rows: [4] } } });
    expect(result.trainRows + result.testRows).toBe(1199);
    expect(result.auc).toBeGreaterThan(0.5);
  });
});
