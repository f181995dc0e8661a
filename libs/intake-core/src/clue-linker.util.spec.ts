import { ClueLinker, LinkableSubject } from './clue-linker.util';
import { ClueRecord } from './intake.model';

const subjects: LinkableSubject[] = [
  { creditCode: '91440604MA4UJ8K20C', name: '佛山市禅城区明记餐饮管理有限公司', address: '佛山市禅城区祖庙街道建新路18号首层' },
  { creditCode: '91440605MA52TQ0L32', name: '佛山市南海区恒达五金制品有限公司', address: '佛山市南海区狮山镇科技大道3号' },
  { creditCode: '92440604MA4W7Y8H1R', name: '禅城区老张小食店', address: '佛山市禅城区石湾镇街道和平路5号' },
];

function clue(fields: Partial<ClueRecord>): ClueRecord {
  return {
    clueId: 'c',
    channel: 'grid',
    receivedAt: new Date(0),
    creditCode: null,
    creditCodeValid: false,
    subjectName: null,
    address: null,
    category: 'other',
    department: 'SAMR',
    verified: null,
    status: 'pending',
    updatedAt: new Date(0),
    ...fields,
  };
}

describe('ClueLinker', () => {
  const linker = new ClueLinker(subjects);

  it('links a short name and a partial address to the one subject they fit', () => {
    expect(linker.link(clue({ subjectName: '明记餐饮', address: '禅城区建新路18号' }))).toEqual({
      creditCode: '91440604MA4UJ8K20C',
      method: 'name_address',
      candidates: 1,
    });
  });

  it('links by exact name alone, or by exact address alone, when unique', () => {
    expect(linker.link(clue({ subjectName: '老张小食店' })).creditCode).toBe('92440604MA4W7Y8H1R');
    expect(linker.link(clue({ address: '广东省佛山市南海区狮山镇科技大道3号' })).creditCode).toBe('91440605MA52TQ0L32');
  });

  it('does not link when the name points at one subject and the address at another', () => {
    expect(linker.link(clue({ subjectName: '明记餐饮管理', address: '南海区狮山镇科技大道3号' }))).toMatchObject({ creditCode: null, method: 'none' });
  });

  it('does not link when the name and address disagree on the house number', () => {
    expect(linker.link(clue({ subjectName: '明记餐饮管理', address: '建新路20号' })).method).toBe('none');
  });

  it('does not link a vague address (no number) on its own', () => {
    expect(linker.link(clue({ address: '禅城区建新路' })).method).toBe('none');
  });

  it('leaves a clue unlinked when two subjects share its short name', () => {
    const twins = new ClueLinker([
      ...subjects,
      { creditCode: '91440605MA4UJ8K20D', name: '佛山市南海区明记餐饮管理有限公司', address: '佛山市南海区桂城街道南海大道1号' },
    ]);
    expect(twins.link(clue({ subjectName: '明记餐饮管理有限公司' }))).toEqual({ creditCode: null, method: 'none', candidates: 2 });
    // The address then tells them apart.
    expect(twins.link(clue({ subjectName: '明记餐饮管理有限公司', address: '南海大道1号' })).creditCode).toBe('91440605MA4UJ8K20D');
  });

  it('prefers a valid, known credit code; a valid unknown one falls back to name and address', () => {
    expect(linker.link(clue({ creditCode: '91440605MA52TQ0L32', creditCodeValid: true, subjectName: '明记餐饮' })).method).toBe('credit_code');
    expect(linker.link(clue({ creditCode: '91350100M000100Y43', creditCodeValid: true, subjectName: '恒达五金制品', address: '科技大道3号' }))).toEqual({
      creditCode: '91440605MA52TQ0L32',
      method: 'name_address',
      candidates: 1,
    });
  });

  describe('with enterprises an appeal excluded', () => {
    const ming = '91440604MA4UJ8K20C';
    const twins = new ClueLinker([
      ...subjects,
      { creditCode: '91440605MA4UJ8K20D', name: '佛山市南海区明记餐饮管理有限公司', address: '佛山市南海区桂城街道南海大道1号' },
    ]);

    it('never links a clue to an excluded enterprise, even by its own valid credit code', () => {
      expect(linker.link(clue({ creditCode: ming, creditCodeValid: true }), new Set([ming]))).toEqual({ creditCode: null, method: 'none', candidates: 0 });
      expect(linker.link(clue({ subjectName: '明记餐饮', address: '禅城区建新路18号' }), new Set([ming])).creditCode).toBeNull();
      expect(linker.link(clue({ address: '佛山市禅城区祖庙街道建新路18号首层' }), new Set([ming])).creditCode).toBeNull();
    });

    it('links it to another enterprise when the evidence points there', () => {
      // The credit code named the excluded enterprise, but the name and address fit another one.
      const misfiled = clue({ creditCode: ming, creditCodeValid: true, subjectName: '恒达五金制品', address: '科技大道3号' });
      expect(linker.link(misfiled, new Set([ming]))).toEqual({ creditCode: '91440605MA52TQ0L32', method: 'name_address', candidates: 1 });
      // Two enterprises shared the name: with one excluded, the other is the only one left.
      expect(twins.link(clue({ subjectName: '明记餐饮管理有限公司' }), new Set([ming]))).toEqual({
        creditCode: '91440605MA4UJ8K20D',
        method: 'name_address',
        candidates: 1,
      });
    });

    it('links as before when the exclusion names someone else', () => {
      expect(linker.link(clue({ creditCode: ming, creditCodeValid: true }), new Set(['91440605MA52TQ0L32'])).creditCode).toBe(ming);
    });
  });
});
