import type { FactorColumn } from '@tianping/risk-model';
import { jsonValues } from './score-history-copy';

describe("a score's factor values as JSON", () => {
  it('writes each row as JSON.stringify writes its values, a missing number (NaN) as null', () => {
    const numbers = Float64Array.from([19.340177960301162, NaN, -0, 1e21, 5e-324, Infinity]);
    const mixed: FactorColumn = ['T', null, '引号"与\\反斜杠\n', true, false, 'A'];
    const counts = Float64Array.from([0, 1, 2, 3, 4, 5]);
    for (let i = 0; i < numbers.length; i++) {
      const values = [numbers[i], mixed[i], counts[i]];
      expect(jsonValues([numbers, mixed, counts], i)).toBe(JSON.stringify(values));
      expect(JSON.parse(jsonValues([numbers, mixed, counts], i))).toEqual(values.map((v) => (typeof v !== 'number' ? v : Number.isFinite(v) ? v + 0 : null)));
    }
    expect(jsonValues([], 0)).toBe('[]');
  });
});
