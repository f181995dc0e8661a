import { appealReviewDays } from './appeals.service';

describe('appealReviewDays (APPEAL_REVIEW_DAYS)', () => {
  it('is 15 days unless set, and takes a whole number of days', () => {
    expect(appealReviewDays({})).toBe(15);
    expect(appealReviewDays({ APPEAL_REVIEW_DAYS: ' ' })).toBe(15);
    expect(appealReviewDays({ APPEAL_REVIEW_DAYS: '30' })).toBe(30);
  });

  it('refuses, naming the setting, what would make every due date invalid', () => {
    for (const bad of ['fifteen', '0', '-3', '7.5', '1e9', 'Infinity']) {
      expect(() => appealReviewDays({ APPEAL_REVIEW_DAYS: bad })).toThrow(/APPEAL_REVIEW_DAYS must be a whole number of days/);
    }
  });
});
