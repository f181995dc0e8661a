import { recordFingerprint } from './record-fingerprint.util';
import { OfficerRecord } from './intake.model';

const officer: OfficerRecord = {
  officerId: '1',
  name: null,
  department: 'SAMR',
  certValidUntil: '2027-06-30',
  domains: ['SAMR'],
  regionCode: '440604',
  status: '在岗',
};

describe('recordFingerprint', () => {
  it('is the same for the identical record, whatever the key order', () => {
    const reordered = Object.fromEntries(Object.entries(officer).reverse()) as unknown as OfficerRecord;
    expect(recordFingerprint('officers', reordered)).toBe(recordFingerprint('officers', officer));
    expect(recordFingerprint('officers', officer)).toMatch(/^[0-9a-f]{64}$/);
  });

  it('differs when any content differs, the update time included', () => {
    expect(recordFingerprint('officers', { ...officer, status: '离岗' })).not.toBe(recordFingerprint('officers', officer));
    const clue = { updatedAt: new Date('2024-03-10T06:02:00Z') } as never;
    expect(recordFingerprint('clues', clue)).not.toBe(recordFingerprint('clues', { updatedAt: new Date('2024-03-10T06:03:00Z') } as never));
  });
});
