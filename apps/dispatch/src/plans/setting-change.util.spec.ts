import { ConflictException } from '@nestjs/common';
import { checkVersion, planChange } from './setting-change.util';

describe('a versioned setting', () => {
  const current = { version: 4, updatedBy: 'wang', updatedAt: '2026-12-20T10:00:00.000Z' };

  it('takes a save without a version, or at the version stored', () => {
    expect(() => checkVersion('the plan of SAMR', current, undefined)).not.toThrow();
    expect(() => checkVersion('the plan of SAMR', current, 4)).not.toThrow();
  });

  it('refuses a save at an older version, naming who changed it and when', () => {
    let refused: unknown;
    try {
      checkVersion('the plan of SAMR', current, 3);
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(ConflictException);
    expect((refused as ConflictException).getResponse()).toMatchObject({
      statusCode: 409,
      message: expect.stringMatching(/^the plan of SAMR was changed by wang at 2026-12-20T10:00:00.000Z after you read it \(version 3, now 4\)/),
      version: 4,
      updatedBy: 'wang',
    });
  });
});

describe("a plan's change as the record keeps it", () => {
  it('counts the exemptions and lists those added and removed, not the whole list twice', () => {
    const change = planChange({ department: 'SAMR', exemptions: ['A', 'B'] }, { department: 'SAMR', exemptions: ['B', 'C'] });
    expect(change).toEqual({
      before: { department: 'SAMR', exemptionCount: 2 },
      after: { department: 'SAMR', exemptionCount: 2 },
      exemptionsAdded: ['C'],
      exemptionsRemoved: ['A'],
    });
    expect(planChange(undefined, { department: 'ENV', exemptions: [] })).toEqual({ before: null, after: { department: 'ENV', exemptionCount: 0 } });
  });
});
