import { createHash, randomBytes } from 'node:crypto';
import { BadRequestException, ConflictException, ForbiddenException, Injectable, NotFoundException } from '@nestjs/common';
import { chinaDay, ClueRefs, numberSetting } from '@tianping/common';
import type { EntityManager } from 'typeorm';
import { OversightSubjects, type AppealDecided, type Colour, type RecordCorrection } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { OVERSIGHT_SCHEMA } from '../database/oversight.data-source';
import { AuditLogService } from '../record/audit-log.service';
import { actorKey } from '../record/actor-name.util';
import {
  AppealsRepository,
  type AppealFilter,
  type AppealOutcome,
  type AppealRow,
  type AppealStep,
  type Challenge,
  type EvidenceFile,
} from './appeals.repository';
import { AppealStepsService } from './appeal-steps.service';
import { ColourDecisionsRepository } from './colour-decisions.repository';
import { ColourDecisionsService } from './colour-decisions.service';
import { namedClueIds, withClueRefs } from './clue-refs.util';

/**
 * Days the bureau has to decide an appeal (陈述申辩), from filing: APPEAL_REVIEW_DAYS, default 15. A
 * value that is not a whole number of days from 1 to 365 stops the app at start, with the reason,
 * instead of failing every filing later.
 */
export function appealReviewDays(env: NodeJS.ProcessEnv = process.env): number {
  return numberSetting(env, 'APPEAL_REVIEW_DAYS', { fallback: 15, min: 1, max: 365, integer: true, takes: 'a whole number of days from 1 to 365' });
}

const REVIEW_DAYS = appealReviewDays();

const OPEN_APPEAL = 'an appeal of this enterprise is already open: follow it, or add to it when it is decided';

export interface AppealFiling {
  creditCode: string;
  filedBy: string;
  grounds: string;
  challenges: Challenge[];
  evidence: { name: string; contentType: string; content: Buffer }[];
}

export interface AppealDecision {
  actor: string;
  outcome: AppealOutcome;
  reasons: string;
  corrections?: RecordCorrection[];
  overrideColour?: Colour;
}

export interface AppealWithdrawal {
  actor: string;
  /** The enterprise's own words, optional. */
  reason: string | null;
}

export interface AppealView extends AppealRow {
  steps: AppealStep[];
  evidence: EvidenceFile[];
}

/**
 * Appeals (陈述申辩): the enterprise files against its score with reasons, evidence and challenged
 * records; an officer who had no part in the score decides with written reasons — uphold, correct the
 * data (intake applies it and scoring re-scores), or override the colour. Every step is in the record.
 */
@Injectable()
export class AppealsService {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly scores: ColourDecisionsRepository,
    private readonly decisions: ColourDecisionsService,
    private readonly record: AuditLogService,
    private readonly steps: AppealStepsService,
    private readonly clueRefs: ClueRefs,
  ) {}

  async file(filing: AppealFiling): Promise<AppealView> {
    const id = await this.appeals.transaction(async (m) => {
      const score = await this.scores.current(filing.creditCode, m);
      if (!score) throw new NotFoundException('this enterprise has no score to appeal yet');
      if (await this.appeals.hasOpen(m, filing.creditCode)) throw new ConflictException(OPEN_APPEAL);
      const filedAt = new Date();
      // The day in the number is the day the enterprise filed it, China time, as every page shows it.
      const appealId = `AP-${chinaDay(filedAt).replace(/-/g, '')}-${randomBytes(4).toString('hex').toUpperCase()}`;
      const dueAt = new Date(filedAt.getTime() + REVIEW_DAYS * 86_400_000).toISOString();
      const evidence = filing.evidence.map((f, n) => ({
        n,
        name: f.name,
        contentType: f.contentType,
        size: f.content.length,
        sha256: sha256(f.content),
        content: f.content,
      }));
      const inserted = await this.appeals.insert(m, {
        id: appealId,
        creditCode: score.creditCode,
        scoreId: score.scoreId,
        modelVersion: score.modelVersion,
        colourPolicyVersion: score.colourPolicyVersion,
        colour: score.colour,
        probability: score.probability,
        grounds: filing.grounds,
        challenges: filing.challenges,
        status: 'filed',
        filedBy: filing.filedBy,
        filedAt: filedAt.toISOString(),
        dueAt,
      });
      if (!inserted) throw new ConflictException(OPEN_APPEAL);
      await this.appeals.insertEvidence(m, appealId, evidence);
      // The record keeps hashes of the enterprise's text and files, not the text: it is permanent, and may hold personal data.
      await this.steps.add(m, appealId, score.creditCode, {
        step: 'filed',
        actor: filing.filedBy,
        note: null,
        at: filedAt.toISOString(),
        detail: {
          scoreId: score.scoreId,
          modelVersion: score.modelVersion,
          colour: score.colour,
          dueAt,
          groundsSha256: sha256(Buffer.from(filing.grounds)),
          challenges: filing.challenges.map((c) => ({ kind: c.kind, recordId: c.recordId, claimSha256: sha256(Buffer.from(c.claim)) })),
          // A file's name is the enterprise's text too ("张伟身份证.jpg"): its size and hash identify it.
          evidence: evidence.map(({ size, sha256: hash }) => ({ size, sha256: hash })),
        },
      });
      return appealId;
    });
    return this.view(id);
  }

  /** An officer takes the appeal; refused to anyone the record names as having had a part in the score. */
  async claim(id: string, actor: string): Promise<AppealView> {
    await this.appeals.transaction(async (m) => {
      const appeal = await this.locked(m, id);
      if (appeal.status !== 'filed')
        throw new ConflictException(appeal.status === 'in-review' ? `appeal ${id} is already being reviewed by ${appeal.reviewer}` : closedMessage(appeal));
      await this.assertIndependent(appeal, actor);
      await this.appeals.update(m, id, { status: 'in-review', reviewer: actor });
      await this.steps.add(m, id, appeal.creditCode, { step: 'in-review', actor, note: null, detail: {}, at: new Date().toISOString() });
    });
    return this.view(id);
  }

  async decide(id: string, decision: AppealDecision): Promise<AppealView> {
    await this.appeals.transaction(async (m) => {
      const appeal = await this.locked(m, id);
      if (appeal.status === 'filed') {
        await this.assertIndependent(appeal, decision.actor);
      } else if (appeal.status !== 'in-review') {
        throw new ConflictException(closedMessage(appeal));
      } else if (appeal.reviewer !== decision.actor) {
        throw new ForbiddenException(`appeal ${id} is being reviewed by another officer`);
      }
      const corrections = checkDecision(appeal, decision);
      const at = new Date().toISOString();
      if (decision.outcome === 'overridden') await this.override(m, appeal, decision);
      const status = decision.outcome === 'corrected' ? 'awaiting-rescore' : 'decided';
      await this.appeals.update(m, id, {
        status,
        outcome: decision.outcome,
        reviewer: decision.actor,
        decisionReasons: decision.reasons,
        overrideColour: decision.overrideColour ?? null,
        decidedAt: at,
        ...(status === 'decided' ? { closedAt: at } : {}),
      });
      await this.steps.add(
        m,
        id,
        appeal.creditCode,
        {
          step: 'decided',
          actor: decision.actor,
          note: decision.reasons,
          at,
          detail: { outcome: decision.outcome, corrections, ...(decision.overrideColour ? { overrideColour: decision.overrideColour } : {}) },
        },
        namedClueIds(appeal.challenges),
      );
      const message: AppealDecided = {
        appealId: id,
        creditCode: appeal.creditCode,
        scoreId: appeal.scoreId,
        outcome: decision.outcome,
        corrections,
        ...(decision.overrideColour ? { overrideColour: decision.overrideColour } : {}),
        actor: decision.actor,
        at,
      };
      await enqueueEvent(m, OVERSIGHT_SCHEMA, OversightSubjects.appealDecided, message);
      if (corrections.length > 0) {
        await this.appeals.addStep(m, id, { step: 'correction-sent', actor: decision.actor, note: null, detail: { corrections }, at, auditSeq: null });
      }
    });
    return this.view(id);
  }

  /**
   * The enterprise takes back its appeal before it is decided (filed or in review): closed, not decided,
   * so the review deadline stops and another appeal may be filed. Under the appeal's lock, as a
   * decision is: of a withdrawal and a decision at once, the first wins and the other is refused.
   */
  async withdraw(id: string, withdrawal: AppealWithdrawal): Promise<AppealView> {
    await this.appeals.transaction(async (m) => {
      const appeal = await this.locked(m, id);
      if (appeal.status === 'withdrawn') throw new ConflictException(`appeal ${id} is already withdrawn`);
      if (appeal.status !== 'filed' && appeal.status !== 'in-review')
        throw new ConflictException(`appeal ${id} is already decided: only an appeal not yet decided can be withdrawn`);
      const at = new Date().toISOString();
      await this.appeals.update(m, id, { status: 'withdrawn', withdrawalReason: withdrawal.reason, closedAt: at });
      // Like the grounds, the reason is the enterprise's text: the record keeps its hash.
      await this.steps.add(m, id, appeal.creditCode, {
        step: 'withdrawn',
        actor: withdrawal.actor,
        note: null,
        at,
        detail: { from: appeal.status, reasonSha256: withdrawal.reason ? sha256(Buffer.from(withdrawal.reason)) : null },
      });
    });
    return this.view(id);
  }

  async view(id: string): Promise<AppealView> {
    const appeal = await this.appeals.find(id);
    if (!appeal) throw new NotFoundException(`no appeal ${id}`);
    const [steps, evidence] = await Promise.all([this.appeals.steps(id), this.appeals.evidence(id)]);
    return { ...this.withRefs(appeal), steps: withClueRefs(steps, this.refOf(appeal.creditCode)), evidence };
  }

  async list(filter: AppealFilter): Promise<AppealRow[]> {
    const rows = await this.appeals.list({ ...filter, limit: Math.min(Math.max(filter.limit, 1), 200) });
    return rows.map((row) => this.withRefs(row));
  }

  /** Each challenged clue with the reference its enterprise knows it by (appeals filed before references named the id). */
  private withRefs(appeal: AppealRow): AppealRow {
    return { ...appeal, challenges: withClueRefs(appeal.challenges, this.refOf(appeal.creditCode)) };
  }

  private refOf(creditCode: string) {
    return (clueId: string) => this.clueRefs.of(creditCode, clueId);
  }

  counts() {
    return this.appeals.counts();
  }

  async evidence(id: string, n: number) {
    const file = await this.appeals.evidenceContent(id, n);
    if (!file) throw new NotFoundException(`appeal ${id} has no evidence file ${n}`);
    return file;
  }

  /** A receipt for one of the appeal's logged steps: the enterprise can verify it with the public key alone. */
  async receipt(id: string, seq: number) {
    const steps = await this.appeals.steps(id);
    if (!steps.some((s) => s.auditSeq === seq)) throw new NotFoundException(`entry ${seq} is not a step of appeal ${id}`);
    return this.record.receipt(seq);
  }

  private async override(m: EntityManager, appeal: AppealRow, decision: AppealDecision): Promise<void> {
    // Locked: a newer score arriving now waits for this decision, then carries it over or replaces it as usual.
    const score = await this.scores.current(appeal.creditCode, m, { lock: true });
    // A replaced score's colour is no longer in force: overriding it would decide the appeal without effect.
    if (!score || score.scoreId !== appeal.scoreId) {
      throw new ConflictException(
        `score ${appeal.scoreId} under appeal has been replaced by score ${score?.scoreId ?? '(none)'}: its colour is no longer in force, so overriding it would change nothing; uphold or correct the appeal instead`,
      );
    }
    await this.decisions.ensureRow(m, score, appeal.filedAt);
    await this.decisions.decide(appeal.scoreId, { actor: decision.actor, reasons: decision.reasons, colour: decision.overrideColour, appealId: appeal.id }, m);
  }

  private async assertIndependent(appeal: AppealRow, actor: string): Promise<void> {
    if (actor === appeal.filedBy) throw new ForbiddenException('the enterprise cannot review its own appeal');
    // The appealed score's policy, which a newer score under another policy must not hide.
    const colourPolicyVersion = appeal.colourPolicyVersion ?? (await this.scores.current(appeal.creditCode))?.colourPolicyVersion ?? '';
    const involved = await this.scores.involvedActors({ creditCode: appeal.creditCode, modelVersion: appeal.modelVersion, colourPolicyVersion });
    if (involved.has(actorKey(actor)))
      throw new ForbiddenException(`${actor} had a part in this score (model, colour policy or an earlier decision on it) and cannot review the appeal`);
  }

  private async locked(m: EntityManager, id: string): Promise<AppealRow> {
    const appeal = await this.appeals.lock(m, id);
    if (!appeal) throw new NotFoundException(`no appeal ${id}`);
    return appeal;
  }
}

/** Why an appeal no longer open cannot be taken or decided. */
function closedMessage(appeal: AppealRow): string {
  if (appeal.status === 'withdrawn') return `appeal ${appeal.id} was withdrawn by the enterprise at ${appeal.closedAt}: there is nothing left to decide`;
  return `appeal ${appeal.id} is already decided`;
}

/** What a decision must carry: reasons always, corrections for 'corrected', a different colour for 'overridden'. */
function checkDecision(appeal: AppealRow, decision: AppealDecision): RecordCorrection[] {
  const corrections = decision.corrections ?? [];
  if (decision.outcome === 'corrected' && corrections.length === 0) throw new BadRequestException('a data correction names the records to correct');
  if (decision.outcome !== 'corrected' && corrections.length > 0) throw new BadRequestException('corrections belong to the "corrected" outcome');
  if (decision.outcome === 'overridden' && (!decision.overrideColour || decision.overrideColour === appeal.colour)) {
    throw new BadRequestException("an override names a colour other than the score's");
  }
  if (decision.outcome !== 'overridden' && decision.overrideColour) throw new BadRequestException('only an override sets a colour');
  return corrections;
}

function sha256(content: Buffer): string {
  return createHash('sha256').update(content).digest('hex');
}
