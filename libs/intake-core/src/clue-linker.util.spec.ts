import { ClueLinker, LinkableSubject } from './clue-linker.util';
import { clueRecord as clue } from './clue-record.spec-helper';

const subjects: LinkableSubject[] = [
  { creditCode: '91440604MA4UJ8K20C', name: '佛山市禅城区明记餐饮管理有限公司', address: '佛山市禅城区祖庙街道建新路18号首层' },
  { creditCode: '91440605MA52TQ0L32', name: '佛山市南海区恒达五金制品有限公司', address: '佛山市南海区狮山镇科技大道3号' },
  { creditCode: '92440604MA4W7Y8H1R', name: '禅城区老张小食店', address: '佛山市禅城区石湾镇街道和平路5号' },
];

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

  describe('partial matches', () => {
    const street: LinkableSubject[] = [
      { creditCode: '91440604MA00000001', name: '佛山市禅城区明记餐饮管理有限公司', address: '佛山市禅城区祖庙街道建新路18号' },
      { creditCode: '91440604MA00000002', name: '佛山市禅城区明记餐饮有限公司', address: '佛山市禅城区祖庙街道建新路20号首层' },
      { creditCode: '91440604MA00000003', name: '佛山市禅城区华丰五金店', address: '佛山市禅城区祖庙街道建新路' },
      { creditCode: '91440604MA00000004', name: '佛山市禅城区老李五金店', address: '佛山市禅城区祖庙街道建新路20号首层' },
    ];
    const linker = new ClueLinker(street);

    it('finds a subject whose address the clue address contains, and one whose address contains the clue address', () => {
      // 建新路18号 is inside the clue's longer address.
      expect(linker.link(clue({ subjectName: '明记餐饮管理', address: '建新路18号二楼' })).creditCode).toBe('91440604MA00000001');
      // The clue's address is inside 建新路20号首层 (where two subjects are: the name tells them apart).
      expect(linker.link(clue({ subjectName: '明记餐饮', address: '建新路20号' })).creditCode).toBe('91440604MA00000002');
    });

    it('finds a subject whose name the clue name contains, and one whose name contains the clue name', () => {
      // 华丰五金 is inside the clue's longer name.
      expect(linker.link(clue({ subjectName: '华丰五金店铺', address: '建新路5号' }))).toEqual({ creditCode: null, method: 'none', candidates: 1 });
      expect(linker.link(clue({ subjectName: '老李五金店铺', address: '建新路20号首层' })).creditCode).toBe('91440604MA00000004');
      expect(linker.link(clue({ subjectName: '老李五金', address: '建新路20号首层' })).creditCode).toBe('91440604MA00000004');
    });

    it('counts every subject a partial name fits when the address does not tell them apart', () => {
      // 记餐饮 is in two names, and 建新路 (no number) says nothing about the premises.
      expect(linker.link(clue({ subjectName: '记餐饮', address: '建新路' }))).toEqual({ creditCode: null, method: 'none', candidates: 2 });
    });

    it('does not place a subject with a vague address at a specific one that contains it', () => {
      // 建新路 (no number) is inside the clue's address but says nothing about the premises.
      expect(linker.link(clue({ subjectName: '华丰五金', address: '建新路18号' }))).toEqual({ creditCode: null, method: 'none', candidates: 2 });
    });

    it('counts the subjects that share one address', () => {
      expect(linker.link(clue({ address: '建新路20号首层' }))).toEqual({ creditCode: null, method: 'none', candidates: 2 });
      expect(linker.link(clue({ subjectName: '五金店', address: '建新路20号首层' })).creditCode).toBe('91440604MA00000004');
    });

    it('falls back to partial names when the exact name is excluded', () => {
      // The exact name 明记餐饮 is excluded: 明记餐饮管理 still contains the clue's name, at the clue's address.
      const excluded = new Set(['91440604MA00000002']);
      expect(linker.link(clue({ subjectName: '明记餐饮', address: '建新路18号' }), excluded).creditCode).toBe('91440604MA00000001');
      // Excluding an enterprise the linker does not know changes nothing.
      expect(linker.link(clue({ subjectName: '明记餐饮', address: '建新路20号' }), new Set(['91440604MA0000000X'])).creditCode).toBe('91440604MA00000002');
    });

    it('finds subjects added after it has linked clues, and a piece repeated in one address', () => {
      const growing = new ClueLinker(street);
      expect(growing.link(clue({ subjectName: '恒达五金', address: '科技大道3号3号楼' })).method).toBe('none');
      growing.add({ creditCode: '91440605MA00000005', name: '佛山市南海区恒达五金制品有限公司', address: '佛山市南海区狮山镇科技大道3号3号楼3号' });
      expect(growing.link(clue({ subjectName: '恒达五金', address: '科技大道3号3号楼' })).creditCode).toBe('91440605MA00000005');
      expect(growing.link(clue({ address: '科技大道3号3号楼3号' })).creditCode).toBe('91440605MA00000005');
    });
  });
});

describe('ClueLinker updated in place', () => {
  const ming: LinkableSubject = { creditCode: '91440604MA00000001', name: '佛山市禅城区明记餐饮有限公司', address: '佛山市禅城区祖庙街道建新路20号' };
  const mingManagement: LinkableSubject = {
    creditCode: '91440604MA00000002',
    name: '佛山市禅城区明记餐饮管理有限公司',
    address: '佛山市禅城区祖庙街道建新路18号',
  };
  const huafeng: LinkableSubject = { creditCode: '91440604MA00000003', name: '佛山市禅城区华丰五金店', address: '佛山市禅城区和平路5号' };
  const street = [ming, mingManagement, huafeng];
  const asked = [
    clue({ subjectName: '明记餐饮' }),
    clue({ subjectName: '明记餐饮', address: '建新路18号' }),
    clue({ subjectName: '明记餐饮', address: '建新路20号' }),
    clue({ subjectName: '华丰五金店' }),
    clue({ subjectName: '华丰五金', address: '和平路5号' }),
    clue({ subjectName: '老张小食店', address: '和平路5号' }),
    clue({ subjectName: '明记餐饮小馆', address: '建新路' }),
    clue({ address: '建新路20号' }),
    clue({ address: '和平路5号' }),
    clue({ creditCode: ming.creditCode, creditCodeValid: true, subjectName: '华丰五金店' }),
  ];

  /** Each clue links as it would with a linker built afresh from `subjects`, with and without its enterprise excluded. */
  function expectSameAsFresh(updated: ClueLinker, subjects: LinkableSubject[]): void {
    const fresh = new ClueLinker(subjects);
    for (const asking of asked) {
      const link = fresh.link(asking);
      expect(updated.link(asking)).toEqual(link);
      const excluded = new Set([link.creditCode ?? ming.creditCode]);
      expect(updated.link(asking, excluded)).toEqual(fresh.link(asking, excluded));
    }
  }

  it('links a renamed subject by its new name and no longer by its old one', () => {
    const linker = new ClueLinker(street);
    const renamed = { ...huafeng, name: '佛山市禅城区老张小食店' };
    linker.update(renamed);
    expect(linker.knows(renamed)).toBe(true);
    expect(linker.link(clue({ subjectName: '老张小食店' })).creditCode).toBe(huafeng.creditCode);
    expect(linker.link(clue({ subjectName: '华丰五金店' }))).toEqual({ creditCode: null, method: 'none', candidates: 0 });
    expectSameAsFresh(linker, [ming, mingManagement, renamed]);
  });

  it('finds a moved subject at its new address and no longer at its old one', () => {
    const linker = new ClueLinker(street);
    const moved = { ...huafeng, address: '佛山市禅城区祖庙街道建新路20号' };
    linker.update(moved);
    expect(linker.link(clue({ address: '和平路5号' })).method).toBe('none');
    // Two subjects are now at 建新路20号: the address alone no longer tells which.
    expect(linker.link(clue({ address: '建新路20号' }))).toEqual({ creditCode: null, method: 'none', candidates: 2 });
    expect(linker.link(clue({ subjectName: '华丰五金', address: '建新路20号' })).creditCode).toBe(huafeng.creditCode);
    expectSameAsFresh(linker, [ming, mingManagement, moved]);
  });

  it('shares a name with the subject it was renamed after, and gives it back when renamed away', () => {
    const linker = new ClueLinker(street);
    const twin = { ...huafeng, name: '佛山市禅城区明记餐饮有限公司' };
    linker.update(twin);
    expect(linker.link(clue({ subjectName: '明记餐饮' }))).toEqual({ creditCode: null, method: 'none', candidates: 2 });
    expect(linker.link(clue({ subjectName: '明记餐饮', address: '和平路5号' })).creditCode).toBe(huafeng.creditCode);
    expectSameAsFresh(linker, [ming, mingManagement, twin]);
    linker.update(huafeng);
    expect(linker.link(clue({ subjectName: '明记餐饮' })).creditCode).toBe(ming.creditCode);
    expectSameAsFresh(linker, street);
  });

  it('answers a name nobody carries any more as a name never seen, so partial names are tried', () => {
    const linker = new ClueLinker(street);
    const inLongerName = clue({ subjectName: '明记餐饮小馆', address: '建新路' });
    expect(linker.link(inLongerName)).toEqual({ creditCode: null, method: 'none', candidates: 1 });
    const renamed = { ...ming, name: '佛山市禅城区鸿运茶餐厅' };
    linker.update(renamed);
    expect(linker.link(clue({ subjectName: '明记餐饮' }))).toEqual({ creditCode: null, method: 'none', candidates: 0 });
    // No subject is named 明记餐饮 now: 明记餐饮管理 contains it, at the clue's address.
    expect(linker.link(clue({ subjectName: '明记餐饮', address: '建新路18号' })).creditCode).toBe(mingManagement.creditCode);
    // Nor is it found inside a longer clue name any more.
    expect(linker.link(inLongerName)).toEqual({ creditCode: null, method: 'none', candidates: 0 });
    expectSameAsFresh(linker, [renamed, mingManagement, huafeng]);
  });

  it('lets an address nobody is at any more be taken again', () => {
    const linker = new ClueLinker(street);
    const moved = { ...huafeng, address: '佛山市禅城区和平路7号' };
    linker.update(moved);
    expect(linker.link(clue({ address: '和平路5号' }))).toEqual({ creditCode: null, method: 'none', candidates: 0 });
    const arrived = { ...ming, address: '佛山市禅城区和平路5号' };
    linker.update(arrived);
    expect(linker.link(clue({ address: '和平路5号' })).creditCode).toBe(ming.creditCode);
    expectSameAsFresh(linker, [arrived, mingManagement, moved]);
  });

  it('forgets an address set to null and finds it again when it comes back', () => {
    const linker = new ClueLinker(street);
    const unknownAddress = { ...mingManagement, address: null };
    linker.update(unknownAddress);
    expect(linker.link(clue({ address: '建新路18号' })).method).toBe('none');
    // With no address of its own nothing contradicts the clue's, so its exact, unique name links it.
    expect(linker.link(clue({ subjectName: '明记餐饮管理', address: '建新路99号' })).creditCode).toBe(mingManagement.creditCode);
    expectSameAsFresh(linker, [ming, unknownAddress, huafeng]);
    linker.update(mingManagement);
    expect(linker.link(clue({ address: '建新路18号' })).creditCode).toBe(mingManagement.creditCode);
    expectSameAsFresh(linker, street);
  });

  it('changes nothing when name and address are as known, or differ only in spelling', () => {
    const linker = new ClueLinker(street);
    linker.update(ming);
    linker.update({ ...ming, name: '佛山市 禅城区 明记餐饮（佛山）有限公司' });
    expectSameAsFresh(linker, street);
  });

  it('refuses to update a subject it does not know, and to add one it does', () => {
    const linker = new ClueLinker([ming, mingManagement]);
    expect(() => linker.update(huafeng)).toThrow('not indexed');
    expect(linker.has(huafeng.creditCode)).toBe(false);
    expect(linker.link(clue({ subjectName: '华丰五金店' })).method).toBe('none');
    expect(() => linker.add({ ...ming, name: '别的名字' })).toThrow('already indexed');
    expectSameAsFresh(linker, [ming, mingManagement]);
  });
});
