import { randomUUID } from 'node:crypto';
import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { OversightSubjects, type Colour, type ColourDecision, type ScoreRecord } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { OVERSIGHT_SCHEMA } from '../database/oversight.data-source';
import { AuditLogService } from '../record/audit-log.service';
import { ColourDecisionsRepository, type ColourDecisionRow, type SeenScore } from './colour-decisions.repository';

/** Colours that trigger an adverse action (priority inspection): they take effect only once a person confirms them. */
export const ADVERSE_COLOURS: readonly Colour[] = ['red'];
export const COLOUR_DECISION_KIND = 'colour-decision';

export interface ColourDecisionAct {
  actor: string;
  reasons: string;
  /** Absent or equal to the model's colour: a confirmation; another colour: an override. */
  colour?: Colour;
  appealId?: string;
}

/** What takes effect for an enterprise now, and why. */
export interface EffectiveColour {
  score: SeenScore | null;
  decision: ColourDecisionRow | null;
  /** The colour dispatch uses: an unconfirmed red counts as yellow until a person confirms it. */
  effectiveColour: Colour | null;
  state: 'no-score' | 'in-effect' | 'awaiting-confirmation' | 'confirmed' | 'overridden';
}

/**
 * Human confirmation of machine results (人工确认). A red score opens a pending decision; an officer
 * confirms or overrides it with reasons. A new score computed by the same model from the same inputs
 * with the same colour repeats the earlier person's decision (logged as carried over, naming it).
 */
@Injectable()
export class ColourDecisionsService {
  constructor(
    private readonly repository: ColourDecisionsRepository,
    private readonly record: AuditLogService,
  ) {}

  /** Called for every batch of scores scoring publishes; returns the scores that became current. */
  async onScores(manager: EntityManager, scores: ScoreRecord[]): Promise<SeenScore[]> {
    const current = await this.repository.upsertCurrent(manager, scores);
    await this.repository.supersedePending(manager, current);
    const prior = await this.repository.priorDecisions(manager, current);
    const now = new Date().toISOString();
    for (const score of current) {
      const earlier = prior.get(score.creditCode);
      if (earlier && earlier.scoreId !== score.scoreId) {
        await this.carryOver(manager, score, earlier, now);
      } else if (!earlier && ADVERSE_COLOURS.includes(score.colour)) {
        await this.ensureRow(manager, score, now);
      }
    }
    return current;
  }

  /** Confirms or overrides the decision pending on a score, or (from an appeal) overrides any score's colour. */
  async decide(scoreId: string, act: ColourDecisionAct, manager?: EntityManager): Promise<ColourDecisionRow> {
    if (!manager) return this.repository.transaction((m) => this.decide(scoreId, act, m));
    const row = await this.repository.lockByScore(manager, scoreId);
    if (!row) throw new NotFoundException(`no decision is open on score ${scoreId}`);
    const colour = act.colour ?? row.modelColour;
    const overriding = colour !== row.modelColour;
    if (row.status !== 'pending' && !act.appealId) throw new ConflictException(`score ${scoreId} was already decided (${row.status})`);
    const status = overriding ? 'overridden' : 'confirmed';
    const at = new Date().toISOString();
    const auditSeq = await this.log(manager, row, { colour, decision: status, actor: act.actor, reasons: act.reasons, appealId: act.appealId ?? null, at });
    await this.repository.decide(manager, row.id, {
      status,
      colour,
      actor: act.actor,
      reasons: act.reasons,
      appealId: act.appealId ?? null,
      decidedAt: at,
      auditSeq,
    });
    return { ...row, status, colour, actor: act.actor, reasons: act.reasons, appealId: act.appealId ?? null, decidedAt: at, auditSeq };
  }

  /**
   * An appeal may override a score no confirmation was asked for (a yellow): open the row first,
   * as requested when the appeal was filed, so time-to-decide measures the review, not this call.
   */
  async ensureRow(manager: EntityManager, score: SeenScore, requestedAt: string): Promise<void> {
    await this.repository.insert(manager, pendingRow(score, requestedAt));
  }

  async effective(creditCode: string): Promise<EffectiveColour> {
    const score = await this.repository.current(creditCode);
    if (!score) return { score: null, decision: null, effectiveColour: null, state: 'no-score' };
    const decision = await this.repository.forScore(score.scoreId);
    return { score, decision, ...effectOf(score, decision) };
  }

  /** The colour in effect for many enterprises at once (a page of the bureau's list): only those with a score oversight has seen. */
  async effectiveMany(creditCodes: readonly string[]): Promise<EffectiveColourSummary[]> {
    const found = await this.repository.currentWithDecisions(creditCodes);
    return found.map(({ score, decision }) => ({
      creditCode: score.creditCode,
      scoreId: score.scoreId,
      modelColour: score.colour,
      ...effectOf(score, decision),
    }));
  }

  private async carryOver(manager: EntityManager, score: SeenScore, earlier: ColourDecisionRow, at: string): Promise<void> {
    const origin = earlier.carriedFrom ?? earlier.id;
    const row: Omit<ColourDecisionRow, 'auditSeq'> = {
      ...pendingRow(score, at),
      colour: earlier.colour,
      status: 'carried-over',
      actor: earlier.actor,
      reasons: earlier.reasons,
      carriedFrom: origin,
      appealId: earlier.appealId,
      decidedAt: at,
    };
    if (!(await this.repository.insert(manager, row))) return;
    const auditSeq = await this.log(
      manager,
      { ...row, auditSeq: null },
      { colour: earlier.colour!, decision: 'carried-over', actor: earlier.actor!, reasons: earlier.reasons ?? '', appealId: earlier.appealId, at },
    );
    await this.repository.decide(manager, row.id, {
      status: 'carried-over',
      colour: earlier.colour!,
      actor: earlier.actor!,
      reasons: earlier.reasons ?? '',
      appealId: earlier.appealId,
      decidedAt: at,
      auditSeq,
    });
  }

  /** One record entry and one event per decision, in the caller's transaction. */
  private async log(
    manager: EntityManager,
    row: ColourDecisionRow,
    d: { colour: Colour; decision: ColourDecision['decision']; actor: string; reasons: string; appealId: string | null; at: string },
  ): Promise<number> {
    const message: ColourDecision = {
      decisionId: row.id,
      creditCode: row.creditCode,
      scoreId: row.scoreId,
      modelColour: row.modelColour,
      colour: d.colour,
      decision: d.decision,
      actor: d.actor,
      ...(d.appealId ? { appealId: d.appealId } : {}),
      at: d.at,
    };
    const seq = await this.record.append(
      COLOUR_DECISION_KIND,
      row.creditCode,
      { ...message, reasons: d.reasons, carriedFrom: row.carriedFrom },
      { manager, eventKey: `colour-decision:${row.id}:${d.decision}:${d.at}` },
    );
    if (seq === null) throw new Error('the record refused the colour decision');
    await enqueueEvent(manager, OVERSIGHT_SCHEMA, OversightSubjects.colourDecided, message);
    return seq;
  }
}

/** One enterprise's line of effectiveMany: no decision's actor or reasons, only what colour holds and why. */
export interface EffectiveColourSummary extends Pick<EffectiveColour, 'effectiveColour' | 'state'> {
  creditCode: string;
  scoreId: string;
  modelColour: Colour;
}

/** What a score and the decision on it mean for the enterprise today. */
export function effectOf(score: SeenScore, decision: ColourDecisionRow | null): Pick<EffectiveColour, 'effectiveColour' | 'state'> {
  if (decision && decision.colour && decision.status !== 'pending' && decision.status !== 'superseded') {
    return { effectiveColour: decision.colour, state: decision.colour === decision.modelColour ? 'confirmed' : 'overridden' };
  }
  if (ADVERSE_COLOURS.includes(score.colour)) return { effectiveColour: 'yellow', state: 'awaiting-confirmation' };
  return { effectiveColour: score.colour, state: 'in-effect' };
}

/** A new decision row on a score, asked for at `requestedAt` and not yet decided. */
function pendingRow(score: SeenScore, requestedAt: string): Omit<ColourDecisionRow, 'auditSeq'> {
  return {
    id: randomUUID(),
    creditCode: score.creditCode,
    scoreId: score.scoreId,
    modelVersion: score.modelVersion,
    inputFingerprint: score.inputFingerprint,
    modelColour: score.colour,
    colour: null,
    status: 'pending',
    actor: null,
    reasons: null,
    carriedFrom: null,
    appealId: null,
    requestedAt,
    decidedAt: null,
  };
}
