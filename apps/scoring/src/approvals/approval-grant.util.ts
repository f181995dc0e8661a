import { REQUIRED_SIGN_OFFS, type ApprovalGranted } from '@tianping/contracts';
import { isObject, PoisonMessage } from '@tianping/messaging';

const str = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;
const isApprover = (v: unknown) => isObject(v) && str(v.actor) && (v.role === 'technical' || v.role === 'legal') && Number.isSafeInteger(v.auditSeq);

/** Oversight's grant, checked at the edge: a malformed one goes to the dead letters whole. */
export function approvalGrant(payload: unknown): ApprovalGranted {
  if (!isObject(payload)) throw new PoisonMessage('approval grant: expected an object');
  const ok =
    (payload.subjectKind === 'model-version' || payload.subjectKind === 'colour-policy') &&
    str(payload.subjectRef) &&
    str(payload.proposedBy) &&
    Array.isArray(payload.approvedBy) &&
    payload.approvedBy.every(isApprover) &&
    Number.isSafeInteger(payload.auditSeq) &&
    str(payload.at);
  if (!ok) throw new PoisonMessage('approval grant: malformed');
  return payload as unknown as ApprovalGranted;
}

/**
 * Why a grant cannot approve a subject scoring knows was proposed by `proposer`, or null when it
 * can: the same rules oversight applies, checked again by the side that acts on it.
 */
export function grantProblem(grant: ApprovalGranted, proposer: string): string | null {
  const required = REQUIRED_SIGN_OFFS[grant.subjectKind];
  if (grant.proposedBy !== proposer) return `it names ${grant.proposedBy} as proposer, scoring has ${proposer}`;
  const roles = grant.approvedBy.map((a) => a.role).sort();
  if (roles.join() !== [...required].sort().join()) return `it needs exactly the ${required.join(' and ')} sign-off, it has ${roles.join(', ') || 'none'}`;
  if (grant.approvedBy.some((a) => a.actor === proposer)) return 'the proposer signed it off';
  if (new Set(grant.approvedBy.map((a) => a.actor)).size !== grant.approvedBy.length) return 'one person signed in two roles';
  return null;
}
