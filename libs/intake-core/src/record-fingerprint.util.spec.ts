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

describe('recordFingerprint of stored records', () => {
  // Taken with the earlier, hand-written canonical JSON: a database ingested then must find the same
  // records duplicates, not newer versions, when they come again.
  it('is the fingerprint earlier versions stored', () => {
    const subject = {
      creditCode: '91440604MA4X8Y2K3L',
      name: '佛山市"禅城"五金店',
      establishedOn: '2015-03-02',
      registeredCapitalWan: 50.5,
      shareholderSubscribedWan: null,
      employees: 12,
      industryCode: 'F5274',
      regionCode: '440604',
      address: '佛山市禅城区祖庙路\\1号',
      lng: 113.1,
      lat: 23.02,
      status: '存续',
      abnormalListed: false,
      legalRepChanges2y: 0,
      legalRepName: '陈明',
      legalRepId: '440604198703150018',
      updatedAt: new Date('2024-03-10T06:02:00.123Z'),
    } as const;
    const inspection = {
      caseNo: 'C1',
      creditCode: 'X',
      department: 'SAMR',
      kind: '检查',
      origin: '双随机',
      date: '2024-01-02',
      items: ['a', 'b;c'],
      result: null,
      violation: null,
      penaltyYuan: 0,
      officerIds: ['7'],
      updatedAt: new Date('2024-03-10T06:02:00Z'),
      violationFound: false,
    } as const;
    expect(recordFingerprint('subjects', subject as never)).toBe('e50abfe218181296adcbc9ef09ae201831918df873a2c12410554e4c24bedab1');
    expect(recordFingerprint('cases', inspection as never)).toBe('abb6eb7e566b27ac5ef4e5535972ab85cb03e5767768d2cf13abfb42a8a6d2e7');
  });
});
