import { canonicalJson } from '@tianping/audit-log';
import { columnsMatchBody, recordBody } from './audit-record.util';

describe('the columns of a logged row against its body', () => {
  const at = '2025-11-23T08:00:00.123Z';
  const draft = { kind: 'score', subjectRef: '91310000MA1FL8XQ3K', data: { kind: 'not the entry kind', ref: 'x', z: [1, 'a"b'] } };
  const bodyJson = canonicalJson(recordBody(draft, at));

  it('agree when the row is as written, even when the data holds keys named kind and ref', () => {
    expect(columnsMatchBody({ bodyJson, kind: 'score', subjectRef: draft.subjectRef, recordedAt: at })).toBe(true);
  });

  it('disagree when the kind, the subject or the time column is changed', () => {
    expect(columnsMatchBody({ bodyJson, kind: 'appeal', subjectRef: draft.subjectRef, recordedAt: at })).toBe(false);
    expect(columnsMatchBody({ bodyJson, kind: 'score', subjectRef: '91310000MA1FL8XQ4X', recordedAt: at })).toBe(false);
    expect(columnsMatchBody({ bodyJson, kind: 'score', subjectRef: null, recordedAt: at })).toBe(false);
    expect(columnsMatchBody({ bodyJson, kind: 'score', subjectRef: draft.subjectRef, recordedAt: '2025-11-23T08:00:01.123Z' })).toBe(false);
  });

  it('handles entries about no particular subject', () => {
    const none = canonicalJson(recordBody({ kind: 'colour-policy', subjectRef: null, data: {} }, at));
    expect(columnsMatchBody({ bodyJson: none, kind: 'colour-policy', subjectRef: null, recordedAt: at })).toBe(true);
  });
});
