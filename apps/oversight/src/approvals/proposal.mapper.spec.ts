import { ScoringSubjects, type ColourPolicyEvent, type ModelVersionEvent } from '@tianping/contracts';
import { InvalidEvent } from '../record/scoring-events.mapper';
import { proposalFrom } from './proposal.mapper';

const registered: ModelVersionEvent = {
  modelVersion: 'm-1',
  state: 'draft',
  actor: 'trainer',
  builtBy: { kind: 'vendor', name: 'Acme' },
  specName: 'twelve-factor',
  trainingWindow: { from: '2023-01-01', to: '2025-12-31' },
  dataFingerprint: 'abc',
  metrics: { validationAuc: 0.7 },
  at: '2026-01-01T00:00:00.000Z',
};
const policy: ColourPolicyEvent = {
  version: 'cp-2',
  thresholds: { yellow: 0.2, red: 0.5 },
  state: 'proposed',
  actor: 'author',
  at: '2026-01-01T00:00:00.000Z',
};

describe('what oversight is asked to approve', () => {
  it('opens a request for each registered version, its trainer as proposer and its builder named', () => {
    expect(proposalFrom(ScoringSubjects.modelRegistered, registered)).toEqual({
      subjectKind: 'model-version',
      subjectRef: 'm-1',
      proposedBy: 'trainer',
      builtBy: { kind: 'vendor', name: 'Acme' },
      proposal: { specName: 'twelve-factor', trainingWindow: registered.trainingWindow, dataFingerprint: 'abc', metrics: { validationAuc: 0.7 } },
      proposedAt: registered.at,
    });
    const { builtBy: _, ...older } = registered;
    expect(proposalFrom(ScoringSubjects.modelRegistered, older)?.builtBy).toEqual({ kind: 'bureau', name: 'bureau' });
  });

  it('opens one for a proposed colour policy, and none for other changes', () => {
    expect(proposalFrom(ScoringSubjects.colourPolicyChanged, policy)).toMatchObject({
      subjectKind: 'colour-policy',
      subjectRef: 'cp-2',
      proposedBy: 'author',
      builtBy: null,
    });
    expect(proposalFrom(ScoringSubjects.colourPolicyChanged, { ...policy, state: 'active' })).toBeNull();
  });

  it('refuses an event that breaks its contract', () => {
    expect(() => proposalFrom(ScoringSubjects.modelRegistered, { ...registered, actor: '' })).toThrow(InvalidEvent);
    expect(() => proposalFrom(ScoringSubjects.modelRegistered, { ...registered, builtBy: { kind: 'cousin', name: 'x' } })).toThrow(InvalidEvent);
    expect(() => proposalFrom(ScoringSubjects.scoresComputed, {})).toThrow(InvalidEvent);
  });
});
