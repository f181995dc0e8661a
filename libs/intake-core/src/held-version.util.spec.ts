import { heldVersionOf } from './held-version.util';

describe('which record a rejected copy is a version of', () => {
  it('reads a credit code as the stored one is written: trimmed, upper-cased, full-width folded', () => {
    const held = heldVersionOf('subjects', { credit_code: ' ９１４４０６０４ma4uj8k20c ', updated_at: '2024-05-06 10:12:00' });
    expect(held).toEqual({ key: '91440604MA4UJ8K20C', updatedAt: new Date('2024-05-06T02:12:00Z') });
  });

  it('keeps the key but not an update time it cannot read', () => {
    expect(heldVersionOf('cases', { case_no: ' FS-1 ', updated_at: '2024-13-40 99:00:00' })).toEqual({ key: 'FS-1', updatedAt: null });
    expect(heldVersionOf('clues', { clue_id: 'C-1', updated_at: '2024-03-12T17:00:00+08:00' }).updatedAt).toEqual(new Date('2024-03-12T09:00:00Z'));
    expect(heldVersionOf('clues', { clue_id: 'C-1', updated_at: '2024-03-12 17:00:00' }).updatedAt).toBeNull();
  });

  it('officers carry no update time; a line that is no record, or a blank key, names no record', () => {
    expect(heldVersionOf('officers', { officer_id: '44060400123', updated_at: '2024-05-06 10:12:00' })).toEqual({ key: '44060400123', updatedAt: null });
    expect(heldVersionOf('clues', '{not json')).toEqual({ key: null, updatedAt: null });
    expect(heldVersionOf('cases', { case_no: '  ' })).toEqual({ key: null, updatedAt: null });
    // Keys no valid version can have: refused as too_long, invalid_character or invalid_encoding.
    expect(heldVersionOf('clues', { clue_id: '线'.repeat(257) }).key).toBeNull();
    expect(heldVersionOf('clues', { clue_id: 'K-\u0000' }).key).toBeNull();
    expect(heldVersionOf('cases', { case_no: 'FS-\uFFFD' }).key).toBeNull();
  });
});
