import { CLUE_REF_SHAPE, ClueRefs, normaliseClueRef } from './clue-ref.util';

describe('pseudonymous clue references', () => {
  const refs = new ClueRefs('test-secret');
  const code = '91310000MA1FL8XQ37';

  it('are short, readable and the same every time for the same enterprise and clue', () => {
    const ref = refs.of(code, '12345-20240301-0001');
    expect(ref).toMatch(CLUE_REF_SHAPE);
    expect(refs.of(code, '12345-20240301-0001')).toBe(ref);
    expect(refs.of(code.toLowerCase(), '12345-20240301-0001')).toBe(ref);
  });

  it('carry nothing of the id: neighbouring ids, channels and days give unrelated references', () => {
    const ids = ['12345-20240301-0001', '12345-20240301-0002', 'grid-20240301-0001', '12345-20240302-0001'];
    const made = ids.map((id) => refs.of(code, id));
    expect(new Set(made).size).toBe(ids.length);
    for (const ref of made) expect(ref).not.toMatch(/12345|2024|0301|GRID/);
  });

  it('differ between enterprises and between keys, so one cannot be computed without the key', () => {
    const id = '12345-20240301-0001';
    expect(refs.of('91440300MA5G9LQK22', id)).not.toBe(refs.of(code, id));
    expect(new ClueRefs('another-secret').of(code, id)).not.toBe(refs.of(code, id));
  });

  it('rarely collide within one enterprise: none among two thousand of its clues', () => {
    const made = new Set(Array.from({ length: 2000 }, (_, n) => refs.of(code, `12345-20240301-${String(n).padStart(4, '0')}`)));
    expect(made.size).toBe(2000);
  });

  it('are read back as typed or said on the phone', () => {
    expect(normaliseClueRef(' k7m3 9qpd ')).toBe('K7M3-9QPD');
    expect(normaliseClueRef('K7M3-9QPO')).toBe('K7M3-9QP0');
    expect(normaliseClueRef('k7m3-9qpl')).toBe('K7M3-9QP1');
    expect(normaliseClueRef('12345-20240301-0001')).toBeNull();
    expect(normaliseClueRef('K7M3-9QPU')).toBeNull();
  });
});
