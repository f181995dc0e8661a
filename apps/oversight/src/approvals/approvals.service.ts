import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import type { JsonValue } from '@tianping/audit-log';
import { OversightSubjects, REQUIRED_SIGN_OFFS, type ApprovalGranted, type ApprovalSubjectKind } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import type { EntityManager } from 'typeorm';
import { OVERSIGHT_SCHEMA } from '../database/oversight.data-source';
import { AuditLogService } from '../record/audit-log.service';
import { sameActor } from '../record/actor-name.util';
import { ApprovalsRepository, type ApprovalFilter, type ApprovalRequest, type SignOff, type SignOffDecision, type SignOffRole } from './approvals.repository';

/** How the record names a single sign-off, and the decision that closes a request. */
export const SIGN_OFF_KIND = 'sign-off';
export const APPROVAL_KIND = 'approval';

export interface SignOffAct {
  actor: string;
  role: SignOffRole;
  decision: SignOffDecision;
  reasons: string;
}

/** A request as served: who proposed and built it, every sign-off, and the roles still missing. */
export interface ApprovalView extends ApprovalRequest {
  required: SignOffRole[];
  missing: SignOffRole[];
  signOffs: SignOff[];
}

const NOUN: Record<ApprovalSubjectKind, string> = { 'model-version': 'model version', 'colour-policy': 'colour policy' };
const PROPOSED: Record<ApprovalSubjectKind, string> = { 'model-version': 'trained', 'colour-policy': 'proposed' };

/**
 * Four-eyes approval of model versions and colour policies. Each sign-off is one transaction under
 * the request's row lock: the sign-off, its record entry and, when it completes or rejects the
 * request, the decision's record entry and the event scoring acts on, commit together or not at all.
 */
@Injectable()
export class ApprovalsService {
  constructor(
    private readonly repository: ApprovalsRepository,
    private readonly record: AuditLogService,
  ) {}

  async list(filter: Partial<ApprovalFilter>): Promise<ApprovalView[]> {
    const requests = await this.repository.list({ ...filter, limit: Math.min(Math.max(filter.limit ?? 100, 1), 1000) });
    const signOffs = await this.repository.signOffsOf(requests);
    return requests.map((r) => view(r, signOffs.get(`${r.subjectKind}/${r.subjectRef}`) ?? []));
  }

  async find(kind: ApprovalSubjectKind, ref: string): Promise<ApprovalView> {
    const request = await this.repository.find(kind, ref);
    if (!request) throw notProposed(kind, ref);
    return view(request, await this.repository.signOffs(kind, ref));
  }

  signOff(kind: ApprovalSubjectKind, ref: string, act: SignOffAct): Promise<ApprovalView> {
    return this.repository.transaction(async (manager) => {
      const request = await this.repository.lockRequest(manager, kind, ref);
      if (!request) throw notProposed(kind, ref);
      const what = `${NOUN[kind]} ${ref}`;
      if (request.status !== 'pending') throw new ConflictException(`${what} was already ${request.status}; a decided request takes no more sign-offs`);
      const required = REQUIRED_SIGN_OFFS[kind];
      if (!required.includes(act.role))
        throw new BadRequestException(`a ${NOUN[kind]} takes only the ${required.join(' and ')} sign-off, not a ${act.role} one`);
      if (sameActor(act.actor, request.proposedBy))
        throw new ForbiddenException(`${act.actor} ${PROPOSED[kind]} ${what} and so cannot sign it off (four eyes)`);
      const earlier = await this.repository.signOffs(kind, ref, manager);
      const own = earlier.find((s) => sameActor(s.actor, act.actor));
      if (own?.role === act.role) throw new ConflictException(`${act.actor} has already signed off ${what} as ${act.role} reviewer`);
      if (own)
        throw new ForbiddenException(`${act.actor} already signed off ${what} as ${own.role} reviewer; the ${act.role} sign-off must come from someone else`);
      const filled = earlier.find((s) => s.role === act.role);
      if (filled) throw new ConflictException(`the ${act.role} sign-off of ${what} is already in (${filled.actor})`);

      const at = new Date().toISOString();
      const auditSeq = await this.append(manager, SIGN_OFF_KIND, ref, { subjectKind: kind, subjectRef: ref, ...act, at });
      const signOff: SignOff = { ...act, at, auditSeq };
      await this.repository.insertSignOff(manager, kind, ref, signOff);
      const signOffs = [...earlier, signOff];
      if (act.decision === 'reject') return this.decide(manager, request, signOffs, 'rejected');
      if (required.every((role) => signOffs.some((s) => s.role === role && s.decision === 'approve')))
        return this.decide(manager, request, signOffs, 'approved');
      return view(request, signOffs);
    });
  }

  /** Logs the decision with every sign-off; a grant also goes out to scoring through the outbox. */
  private async decide(manager: EntityManager, request: ApprovalRequest, signOffs: SignOff[], status: 'approved' | 'rejected'): Promise<ApprovalView> {
    const { subjectKind, subjectRef, proposedBy, builtBy } = request;
    const at = new Date().toISOString();
    const decisionSeq = await this.append(manager, APPROVAL_KIND, subjectRef, {
      subjectKind,
      subjectRef,
      outcome: status === 'approved' ? 'granted' : 'rejected',
      proposedBy,
      ...(builtBy ? { builtBy: { ...builtBy } } : {}),
      signOffs: signOffs.map((s) => ({ ...s })),
      at,
    });
    await this.repository.decide(manager, subjectKind, subjectRef, status, at, decisionSeq);
    if (status === 'approved') {
      const granted: ApprovalGranted = {
        subjectKind,
        subjectRef,
        proposedBy,
        ...(builtBy ? { builtBy } : {}),
        approvedBy: signOffs.map(({ actor, role, auditSeq }) => ({ actor, role, auditSeq })),
        auditSeq: decisionSeq,
        at,
      };
      await enqueueEvent(manager, OVERSIGHT_SCHEMA, OversightSubjects.approvalGranted, granted);
    }
    return view({ ...request, status, decidedAt: at, decisionSeq }, signOffs);
  }

  private async append(manager: EntityManager, kind: string, ref: string, data: { [key: string]: JsonValue }): Promise<number> {
    const seq = await this.record.append(kind, ref, data, { manager });
    if (seq === null) throw new Error(`the record refused the ${kind} entry of ${ref}`);
    return seq;
  }
}

function notProposed(kind: ApprovalSubjectKind, ref: string): NotFoundException {
  return new NotFoundException(`oversight has no proposal of ${NOUN[kind]} ${ref} (it learns of one when scoring announces it)`);
}

function view(request: ApprovalRequest, signOffs: SignOff[]): ApprovalView {
  const required = [...REQUIRED_SIGN_OFFS[request.subjectKind]];
  return { ...request, required, missing: required.filter((role) => !signOffs.some((s) => s.role === role)), signOffs };
}
