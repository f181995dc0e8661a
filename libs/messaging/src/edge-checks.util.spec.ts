import { PoisonMessage } from './durable.consumer';
import { checkedRecords, failedFields, failedInList, refuseIfFailed } from './edge-checks.util';

describe('edge checks', () => {
  it('names the failed fields in the order they were checked, with a path prefix', () => {
    expect(failedFields({ a: true, b: false, c: false })).toEqual(['b', 'c']);
    expect(failedFields({ a: false }, 'window.')).toEqual(['window.a']);
  });

  it("names the first failing item's fields, or the item itself when it is not an object", () => {
    const check = (item: Record<string, unknown>) => ({ id: typeof item.id === 'string', n: typeof item.n === 'number' });
    expect(failedInList([{ id: 'x', n: 1 }, { id: 2 }, { id: 3, n: 'x' }], 'items', check)).toEqual(['items[1].id', 'items[1].n']);
    expect(failedInList([null], 'items', check)).toEqual(['items[0]']);
    expect(failedInList([], 'items', check)).toEqual([]);
  });

  it('refuses only when something failed', () => {
    expect(() => refuseIfFailed('draw', [])).not.toThrow();
    expect(() => refuseIfFailed('draw', ['at'])).toThrow(new PoisonMessage('draw: malformed at'));
  });

  it('refuses a batch whole, naming the record and field, or the missing list', () => {
    const check = (r: Record<string, unknown>) => ({ id: typeof r.id === 'string' });
    expect(checkedRecords({ records: [{ id: 'a' }] }, 'records', 'batch', check)).toEqual([{ id: 'a' }]);
    expect(() => checkedRecords({ records: [{ id: 'a' }, {}] }, 'records', 'batch', check)).toThrow('batch: malformed records[1].id');
    expect(() => checkedRecords({ rows: [] }, 'records', 'batch', check)).toThrow('batch: expected an object with a "records" array');
  });
});
