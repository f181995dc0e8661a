import { ScoringSubjects, type ScoreRecord } from '@tianping/contracts';
import { InvalidEvent, scoringEventEntries } from './scoring-events.mapper';

const score: ScoreRecord = {
  scoreId: 's-1',
  creditCode: '91310000MA1FL8XQ3K',
  asOf: '2025-11-01',
  modelVersion: 'm-1',
  colourPolicyVersion: 'cp-1',
  probability: 0.42,
  logit: -0.3,
  base: -2,
  contributions: [{ factor: 'F01', value: 2, contribution: 0.4 }],
  colour: 'yellow',
  reasons: [{ factor: 'F01', zh: '近两年有违法记录', en: 'violations in the last two years' }],
  suggestions: [],
  inputFingerprint: 'fp',
  computedAt: '2025-11-02T00:00:00.000Z',
};

describe('what the record logs for scoring events', () => {
  it('logs each score whole, under its credit code, keyed by its score id', () => {
    const drafts = scoringEventEntries(ScoringSubjects.scoresComputed, { batchId: 'b1', scores: [score, { ...score, scoreId: 's-2' }] });
    expect(drafts).toEqual([
      { kind: 'score', subjectRef: score.creditCode, data: { batchId: 'b1', score }, eventKey: 'score:s-1' },
      { kind: 'score', subjectRef: score.creditCode, data: { batchId: 'b1', score: { ...score, scoreId: 's-2' } }, eventKey: 'score:s-2' },
    ]);
  });

  it('gives the same model event the same key however often it is sent, and a different event another', () => {
    const event = {
      modelVersion: 'm-1',
      state: 'approved',
      actor: 'officer-7',
      specName: 's',
      trainingWindow: { from: 'a', to: 'b' },
      dataFingerprint: 'd',
      metrics: {},
      at: '2025-11-01T00:00:00Z',
    };
    const [once] = scoringEventEntries(ScoringSubjects.modelStateChanged, event);
    const [again] = scoringEventEntries(ScoringSubjects.modelStateChanged, { ...event });
    const [active] = scoringEventEntries(ScoringSubjects.modelStateChanged, { ...event, state: 'active' });
    expect(once).toMatchObject({ kind: 'model-version', subjectRef: 'm-1' });
    expect(again.eventKey).toBe(once.eventKey);
    expect(active.eventKey).not.toBe(once.eventKey);
  });

  it('refuses a score that breaks the contract rather than logging a guess', () => {
    expect(() => scoringEventEntries(ScoringSubjects.scoresComputed, { batchId: 'b', scores: [{ ...score, probability: 1.7 }] })).toThrow(InvalidEvent);
    expect(() => scoringEventEntries(ScoringSubjects.scoresComputed, { batchId: 'b', scores: [{ ...score, colour: 'purple' }] })).toThrow(InvalidEvent);
    expect(() => scoringEventEntries(ScoringSubjects.scoresComputed, [score])).toThrow(InvalidEvent);
    expect(() => scoringEventEntries('scoring.something-new.v1', {})).toThrow(InvalidEvent);
  });
});
