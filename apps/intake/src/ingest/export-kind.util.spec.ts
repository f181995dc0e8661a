import { detectExportKind } from './export-kind.util';

describe('detectExportKind: which export a file is, from its first bytes', () => {
  const subjects = '统一社会信用代码,主体名称,成立日期\n91440604MA4UJ8K20C,明记,2016-04-12\n';

  it('knows each export by its header, whatever its line ends, BOM or blank lines above it', () => {
    expect(detectExportKind(subjects)).toBe('subjects');
    expect(detectExportKind(`\uFEFF${subjects.replace(/\n/g, '\r\n')}`)).toBe('subjects');
    expect(detectExportKind('状态,执法证号\r44060400123,周敏\r')).toBe('officers');
    expect(detectExportKind('统一社会信用代码,案件编号\n')).toBe('cases');
    // The parser skips rows of blank cells above the header; the file is not taken for an unknown one.
    expect(detectExportKind(`,,,\n , ,"",\r\n${subjects}`)).toBe('subjects');
    expect(detectExportKind('\n\n{"clue_id":"C-1"}\n')).toBe('clues');
  });

  it('does not guess past the first line that holds a value', () => {
    // Subjects read as their own kind: the cases header word in a data row does not count.
    expect(detectExportKind('统一社会信用代码,主体名称\r91440604MA4UJ8K20C,案件编号有限公司\r')).toBe('subjects');
    expect(detectExportKind(`市场主体导出 2024-05-06\n${subjects}`)).toBeNull();
    expect(detectExportKind('')).toBeNull();
  });
});
