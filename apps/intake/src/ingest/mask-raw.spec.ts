import { maskRaw } from './mask-raw.util';

describe('maskRaw: the operator view of a quarantined record', () => {
  it("masks the contract's personal fields and, in every other text, ID and phone numbers", () => {
    const masked = maskRaw('clues', {
      clue_id: 'C-1',
      legal_rep_id: '440604199001011234',
      complainant_phone: '13812345678',
      note: '王小明 13800138000 440604199001011234',
      credit_code: '91440604MA55XX1R2X',
    }) as Record<string, string>;
    expect(masked.legal_rep_id).toBe('4406**********1234');
    expect(masked.complainant_phone).not.toContain('12345678');
    expect(masked.note).not.toMatch(/13800138000|440604199001011234/);
    expect(masked.note).toContain('王小明'); // a name in free text cannot be told from other words
    expect(masked.credit_code).toBe('91440604MA55XX1R2X');
    expect(masked.clue_id).toBe('C-1');
  });

  it('masks a line that was not even JSON the same way', () => {
    const masked = maskRaw('clues', '{"clue_id":"C-2","note":"13800138000 440604199001011234", broken') as string;
    expect(masked).toContain('"clue_id":"C-2"');
    expect(masked).not.toMatch(/13800138000|440604199001011234/);
  });

  it('shows a NUL or half a surrogate pair as U+FFFD, which jsonb can hold, in keys and values alike', () => {
    const masked = maskRaw('clues', { clue_id: 'C-3', 'no\u0000te': 'a\u0000b\ud800c', legal_rep_name: '王\u0000' }) as Record<string, string>;
    expect(Object.keys(masked)).toEqual(['clue_id', 'no\uFFFDte', 'legal_rep_name']);
    expect(masked['no\uFFFDte']).toBe('a\uFFFDb\uFFFDc');
    expect(JSON.stringify(masked)).not.toMatch(/\\u0000|\\ud800/);
    expect(maskRaw('cases', 'FS-1,\u0000,"broken')).toBe('FS-1,\uFFFD,"broken');
  });

  it('masks a phone or ID number sent as a JSON number, and leaves other numbers as numbers', () => {
    const masked = maskRaw('clues', { clue_id: 'C-4', phone: 13800138000, reporter_id: 440604900101123, legal_rep_id: 440604199001011200, count: 12 });
    expect(JSON.stringify(masked)).not.toMatch(/13800138000|440604900101123|440604199001011200/);
    expect(masked).toMatchObject({ legal_rep_id: '4406**********1200', count: 12 });
  });
});
