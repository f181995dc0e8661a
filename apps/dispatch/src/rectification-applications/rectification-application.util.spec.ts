import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { RectificationApplicationDto, RectificationDecisionDto } from './dtos/rectification-application.dto';
import { decisionRefusal } from './rectification-application.util';

const fields = <T extends object>(cls: new () => T, body: object) => validateSync(plainToInstance(cls, body)).map((e) => e.property);

describe('an application for more time to rectify (延期整改申请)', () => {
  it('takes a plain day and a reason of 2 to 500 characters', () => {
    expect(fields(RectificationApplicationDto, { rectifyBy: '2027-03-15', reason: '设备尚未到货' })).toEqual([]);
    expect(fields(RectificationApplicationDto, { rectifyBy: '2027-03-15T00:00:00Z', reason: '设备尚未到货' })).toEqual(['rectifyBy']);
    expect(fields(RectificationApplicationDto, { rectifyBy: '2027-02-30', reason: '设备尚未到货' })).toEqual(['rectifyBy']);
    expect(fields(RectificationApplicationDto, { rectifyBy: '2027-03-15', reason: '好' })).toEqual(['reason']);
    expect(fields(RectificationApplicationDto, { rectifyBy: '2027-03-15', reason: 'x'.repeat(501) })).toEqual(['reason']);
    expect(fields(RectificationApplicationDto, { rectifyBy: '2027-03-15' })).toEqual(['reason']);
  });
});

describe("the bureau's decision on an application", () => {
  it('is grant or refuse, with an optional day and note', () => {
    expect(fields(RectificationDecisionDto, { decision: 'grant' })).toEqual([]);
    expect(fields(RectificationDecisionDto, { decision: 'grant', rectifyBy: '2027-03-20', note: '同意' })).toEqual([]);
    expect(fields(RectificationDecisionDto, { decision: 'approve' })).toEqual(['decision']);
    expect(fields(RectificationDecisionDto, { decision: 'grant', rectifyBy: '20 March' })).toEqual(['rectifyBy']);
  });

  it('is taken only on a pending application, and a refusal says why', () => {
    expect(decisionRefusal('pending', { decision: 'grant' })).toBeNull();
    expect(decisionRefusal('pending', { decision: 'refuse', note: '整改已逾期，不予延期' })).toBeNull();
    expect(decisionRefusal('pending', { decision: 'refuse' })).toMatchObject({ code: 'note_required' });
    expect(decisionRefusal('pending', { decision: 'refuse', note: '  ' })).toMatchObject({ code: 'note_required' });
    expect(decisionRefusal('granted', { decision: 'grant' })).toMatchObject({ code: 'decided', message: 'the application is already granted' });
    expect(decisionRefusal('refused', { decision: 'refuse', note: '不同意' })).toMatchObject({ code: 'decided' });
  });
});
