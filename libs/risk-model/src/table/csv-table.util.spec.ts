import { parseCsvTable } from './csv-table.util';

describe('parseCsvTable', () => {
  it.each([
    ['commas', 'id,date,note\n1,2020-01-01,"a; b"\n'],
    ['semicolons, as spreadsheets in many locales save', 'id;date;note\n1;2020-01-01;"a; b"\n'],
    ['tabs', 'id\tdate\tnote\n1\t2020-01-01\ta; b\n'],
  ])('reads a table separated by %s', (_, text) => {
    expect(parseCsvTable(text)).toEqual([{ id: '1', date: '2020-01-01', note: 'a; b' }]);
  });

  it('keeps a comma table whose quoted cells hold semicolons a comma table', () => {
    expect(parseCsvTable('id,"a;b;c"\n1,2\n')).toEqual([{ id: '1', 'a;b;c': '2' }]);
  });
});
