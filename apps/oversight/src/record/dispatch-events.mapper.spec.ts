import { DispatchSubjects } from '@tianping/contracts';
import { dispatchEventEntries } from './dispatch-events.mapper';
import { InvalidEvent } from './scoring-events.mapper';

const change = {
  changeId: 'c-1',
  setting: 'calendar-day',
  key: '2027-01-01',
  before: null,
  after: { date: '2027-01-01', kind: 'holiday', name: '元旦' },
  actor: 'dispatcher',
  at: '2026-12-20T10:00:00Z',
};

describe("the record's entries for dispatch's setting changes", () => {
  it('keys an entry by the change, so a redelivery appends nothing, and names what changed', () => {
    expect(dispatchEventEntries(DispatchSubjects.settingChanged, change)).toEqual([
      { kind: 'dispatch-setting', subjectRef: 'calendar-day:2027-01-01', data: change, eventKey: 'dispatch-setting:c-1' },
    ]);
  });

  it("drops a conflict's reason, before and after, whatever the sender put in", () => {
    const withdrawn = {
      ...change,
      setting: 'conflict-withdrawn',
      key: 'OFF-1/91440604MA4UJ8K20C',
      before: { officerId: 'OFF-1', reason: '配偶' },
      after: null,
    };
    const [entry] = dispatchEventEntries(DispatchSubjects.settingChanged, withdrawn);
    expect(entry.data).toMatchObject({ before: { officerId: 'OFF-1' }, after: null });
    expect(JSON.stringify(entry.data)).not.toContain('配偶');
  });

  it("keeps an officer's absence by its days and kind, and drops a reason a sender put in (sick leave is health data)", () => {
    const absence = { officerId: 'OFF-1', from: '2027-03-01', to: '2027-03-05', kind: 'leave' };
    const added = { ...change, setting: 'officer-absence', key: 'OFF-1/2027-03-01/2027-03-05', before: null, after: { ...absence, reason: '病假' } };
    const [entry] = dispatchEventEntries(DispatchSubjects.settingChanged, added);
    expect(entry).toMatchObject({ subjectRef: 'officer-absence:OFF-1/2027-03-01/2027-03-05', data: { before: null, after: absence } });
    expect(JSON.stringify(entry.data)).not.toContain('病假');
  });

  it('refuses a change with no id or an unknown kind of setting', () => {
    expect(() => dispatchEventEntries(DispatchSubjects.settingChanged, { ...change, changeId: undefined })).toThrow(InvalidEvent);
    expect(() => dispatchEventEntries(DispatchSubjects.settingChanged, { ...change, setting: 'colour' })).toThrow(InvalidEvent);
  });
});

describe("the record's entries for an extended rectification deadline (延期整改)", () => {
  const extended = {
    extensionId: 'x-1',
    visitId: '0b6c8a55-5f0e-4d7e-9a7a-000000000201',
    visitNo: 'TP-2026-000201',
    creditCode: '91440604MA4UJ8K20C',
    date: '2026-03-02',
    departments: ['SAMR'],
    from: '2026-04-01',
    to: '2026-05-01',
    actor: 'dispatcher',
    at: '2026-03-25T10:00:00Z',
  };

  it('keys an entry by the extension, about the enterprise, and drops a reason a sender put in', () => {
    const [entry] = dispatchEventEntries(DispatchSubjects.rectificationExtended, { ...extended, reason: '企业负责人张某住院' });
    expect(entry).toEqual({ kind: 'rectification-extension', subjectRef: extended.creditCode, data: extended, eventKey: 'rectification-extension:x-1' });
  });

  it('refuses one without its id or days', () => {
    expect(() => dispatchEventEntries(DispatchSubjects.rectificationExtended, { ...extended, extensionId: undefined })).toThrow(InvalidEvent);
    expect(() => dispatchEventEntries(DispatchSubjects.rectificationExtended, { ...extended, to: null })).toThrow(InvalidEvent);
  });

  it("logs a platform case's extension as the same kind, keyed by the extension, without the reason", () => {
    const { visitId: _id, visitNo: _no, departments: _d, ...common } = extended;
    const onCase = { ...common, extensionId: 'x-2', caseNo: 'FS-SAMR-2026-000901', department: 'SAMR' };
    const [entry] = dispatchEventEntries(DispatchSubjects.caseRectificationExtended, { ...onCase, reason: '企业负责人张某住院' });
    expect(entry).toEqual({ kind: 'rectification-extension', subjectRef: extended.creditCode, data: onCase, eventKey: 'rectification-extension:x-2' });
    expect(() => dispatchEventEntries(DispatchSubjects.caseRectificationExtended, { ...onCase, caseNo: undefined })).toThrow(InvalidEvent);
  });

  it('keys a released re-inspection by the release, about the enterprise, and refuses one without its deadline', () => {
    const released = {
      releaseId: 'r-1',
      extensionId: 'x-1',
      visitId: '0b6c8a55-5f0e-4d7e-9a7a-000000000301',
      visitNo: 'TP-2026-000301',
      creditCode: extended.creditCode,
      date: '2026-04-20',
      followUps: [{ department: 'SAMR', inspectionRef: extended.visitNo }],
      deadline: '2026-05-01',
      cancelled: true,
      departmentsRemoved: [],
      officersRemoved: [],
      at: '2026-03-25T10:00:00Z',
    };
    const [entry] = dispatchEventEntries(DispatchSubjects.followUpReleased, released);
    expect(entry).toEqual({ kind: 'follow-up-release', subjectRef: extended.creditCode, data: released, eventKey: 'follow-up-release:r-1' });
    expect(() => dispatchEventEntries(DispatchSubjects.followUpReleased, { ...released, deadline: undefined })).toThrow(InvalidEvent);
  });
});
