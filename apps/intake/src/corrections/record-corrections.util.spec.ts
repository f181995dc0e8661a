import { appealRevoking, type CaseChange, type ClueChange } from '@tianping/contracts';
import { CorrectionSet, revisedUpdatedAt, revokedResult, UNLINKED_ON_APPEAL, type AppliedCorrection } from './record-corrections.util';

const A = '91440604MA4UJ8K20C';
const B = '91440605MA52TQ0L32';
const correction = (fields: Partial<AppliedCorrection>): AppliedCorrection => ({
  kind: 'clue',
  recordId: 'K1',
  creditCode: A,
  action: 'unlink',
  appealId: 'AP-1',
  ...fields,
});
const clueChange = (fields: Partial<ClueChange> = {}): ClueChange => ({
  clueId: 'K1',
  channel: '12345',
  receivedAt: '2024-03-01T01:15:00.000Z',
  linkedCreditCode: A,
  linkMethod: 'credit_code',
  category: 'food_safety',
  department: 'SAMR',
  verified: true,
  status: 'closed',
  updatedAt: '2024-03-12T09:00:00.000Z',
  ...fields,
});
const caseChange = (fields: Partial<CaseChange> = {}): CaseChange => ({
  caseNo: 'C1',
  creditCode: A,
  department: 'SAMR',
  kind: '检查',
  origin: '双随机',
  date: '2024-02-01',
  items: ['SAMR-07'],
  result: '责令整改',
  violationFound: true,
  penaltyYuan: 0,
  officerIds: ['44060400123'],
  updatedAt: '2024-02-02T02:00:00.000Z',
  ...fields,
});

describe('record corrections decided on appeal', () => {
  it('publishes a correction as a revision of the same source version: one millisecond per correction', () => {
    expect(revisedUpdatedAt('2024-03-12T09:00:00.000Z', 0)).toBe('2024-03-12T09:00:00.000Z');
    expect(revisedUpdatedAt('2024-03-12T09:00:00.000Z', 2)).toBe('2024-03-12T09:00:00.002Z');
    const set = new CorrectionSet([correction({ action: 'mark-false' }), correction({ action: 'unlink', appealId: 'AP-2' })]);
    expect(set.clueChange(clueChange()).updatedAt).toBe('2024-03-12T09:00:00.002Z');
  });

  it('leaves records no appeal corrected exactly as they were', () => {
    const set = new CorrectionSet([correction({ recordId: 'OTHER' })]);
    const change = clueChange();
    expect(set.clueChange(change)).toBe(change);
    const row = { clue_id: 'K1', verified: true, linked_credit_code: A, link_method: 'credit_code' };
    expect(set.clueRow(row)).toBe(row);
  });

  it('unlinks a clue from the enterprise the appeal was about, and says why in the row', () => {
    const set = new CorrectionSet([correction({ action: 'unlink' })]);
    expect(set.excludedFor('K1')).toEqual(new Set([A]));
    expect(set.clueRow({ clue_id: 'K1', verified: true, linked_credit_code: A, link_method: 'credit_code' })).toMatchObject({
      linked_credit_code: null,
      link_method: UNLINKED_ON_APPEAL,
    });
    expect(set.clueChange(clueChange())).toMatchObject({ linkedCreditCode: null, linkMethod: 'none', verified: true });
  });

  it('keeps a link the evidence made to another enterprise', () => {
    const set = new CorrectionSet([correction({ action: 'unlink' })]);
    expect(set.clueRow({ clue_id: 'K1', linked_credit_code: B, link_method: 'name_address' })).toMatchObject({
      linked_credit_code: B,
      link_method: 'name_address',
    });
    expect(set.clueChange(clueChange({ linkedCreditCode: B, linkMethod: 'name_address' }))).toMatchObject({ linkedCreditCode: B, linkMethod: 'name_address' });
  });

  it('marks a clue found untrue as false in every version, whatever the platform says', () => {
    const set = new CorrectionSet([correction({ action: 'mark-false' })]);
    expect(set.clueRow({ clue_id: 'K1', verified: true, linked_credit_code: A })).toMatchObject({ verified: false, linked_credit_code: A });
    expect(set.clueChange(clueChange({ verified: null }))).toMatchObject({ verified: false, linkedCreditCode: A });
  });

  it('revokes a case: no violation, and a result that says so', () => {
    const set = new CorrectionSet([correction({ kind: 'case', recordId: 'C1', action: 'revoke', appealId: 'AP-9' })]);
    expect(set.caseRow({ case_no: 'C1', violation_found: true, result: '责令整改' })).toMatchObject({ violation_found: false, result: revokedResult('AP-9') });
    expect(set.caseChange(caseChange())).toMatchObject({ violationFound: false, result: revokedResult('AP-9'), updatedAt: '2024-02-02T02:00:00.001Z' });
    expect(revokedResult('AP-9')).toBe('revoked-on-appeal:AP-9');
  });

  it('says which appeal revoked a case in no language, and still reads results stored in words', () => {
    expect(appealRevoking(revokedResult('AP-2026-000007'))).toBe('AP-2026-000007');
    expect(appealRevoking('已撤销（申诉 AP-2026-000003）revoked on appeal')).toBe('AP-2026-000003');
    expect(appealRevoking('责令整改')).toBeNull();
    expect(appealRevoking(null)).toBeNull();
  });
});
