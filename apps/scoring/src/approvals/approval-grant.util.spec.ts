import type { ApprovalGranted } from '@tianping/contracts';
import { PoisonMessage } from '@tianping/messaging';
import { approvalGrant, grantProblem } from './approval-grant.util';

const grant: ApprovalGranted = {
  subjectKind: 'model-version',
  subjectRef: 'm-1',
  proposedBy: 'trainer',
  approvedBy: [
    { actor: 'li', role: 'technical', auditSeq: 4 },
    { actor: 'wang', role: 'legal', auditSeq: 5 },
  ],
  auditSeq: 6,
  at: '2026-01-01T00:00:00.000Z',
};

describe("scoring re-checks oversight's grant before approving", () => {
  it('accepts a technical and a legal sign-off by two people other than the trainer', () => {
    expect(grantProblem(grant, 'trainer')).toBeNull();
    expect(grantProblem({ ...grant, subjectKind: 'colour-policy', approvedBy: [grant.approvedBy[1]] }, 'trainer')).toBeNull();
  });

  it('refuses a grant signed by the trainer, by one person twice, without both roles, or naming another proposer', () => {
    expect(grantProblem({ ...grant, proposedBy: 'li' }, 'li')).toBe('the proposer signed it off');
    expect(grantProblem({ ...grant, approvedBy: grant.approvedBy.map((a) => ({ ...a, actor: 'li' })) }, 'trainer')).toBe('one person signed in two roles');
    expect(grantProblem({ ...grant, approvedBy: [grant.approvedBy[0]] }, 'trainer')).toContain('technical and legal');
    expect(grantProblem({ ...grant, subjectKind: 'colour-policy' }, 'trainer')).toContain('exactly the legal');
    expect(grantProblem(grant, 'someone-else')).toContain('as proposer');
  });

  it('sends a malformed grant to the dead letters', () => {
    expect(approvalGrant(grant)).toBe(grant);
    expect(() => approvalGrant({ ...grant, subjectKind: 'budget' })).toThrow(PoisonMessage);
    expect(() => approvalGrant({ ...grant, approvedBy: [{ actor: 'li', role: 'chief', auditSeq: 1 }] })).toThrow(PoisonMessage);
    expect(() => approvalGrant([grant])).toThrow(PoisonMessage);
  });
});
