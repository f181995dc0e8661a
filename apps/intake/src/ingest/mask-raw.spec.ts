import { maskRaw } from './batch-writer';

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
});
