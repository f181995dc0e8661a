import { Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import type { CorrectionsApplied } from '@tianping/contracts';
import { AppealStepsService } from './appeal-steps.service';
import { rescoreCloses } from './appeal-rescore.util';
import { AppealsRepository, type RescoreState } from './appeals.repository';
import { ColourDecisionsRepository, type SeenScore } from './colour-decisions.repository';

export type AcknowledgementOutcome = 'unknown-appeal' | 'other-enterprise' | 'seen-before' | 'recorded';

/**
 * How an appeal that corrected records closes. Intake acknowledges the decision with each
 * correction's verdict: a `corrections-applied` step. When nothing was applied no record changed,
 * so there is nothing to re-score and the appeal closes at once; otherwise it closes, with a
 * `rescored` step showing before and after, on the first current score whose inputs include the
 * corrected records (rescoreCloses).
 */
@Injectable()
export class AppealRescoreService {
  constructor(
    private readonly appeals: AppealsRepository,
    private readonly scores: ColourDecisionsRepository,
    private readonly steps: AppealStepsService,
  ) {}

  /** Intake's acknowledgement; a redelivered one changes nothing. */
  async onCorrectionsApplied(ack: CorrectionsApplied): Promise<AcknowledgementOutcome> {
    return this.appeals.transaction(async (m) => {
      const appeal = await this.appeals.lockRescoreState(m, ack.appealId);
      if (!appeal) return 'unknown-appeal';
      if (appeal.creditCode !== ack.creditCode) return 'other-enterprise';
      if (appeal.correctionBatches !== null) return 'seen-before';
      const applied = ack.verdicts.filter((v) => v.status === 'applied').length;
      const at = new Date().toISOString();
      await this.steps.add(m, appeal.id, appeal.creditCode, {
        step: 'corrections-applied',
        actor: 'intake',
        note: null,
        at,
        detail: { verdicts: ack.verdicts, applied, notApplicable: ack.verdicts.length - applied, batchIds: ack.batchIds, appliedAt: ack.at },
      });
      const acknowledged: RescoreState = { ...appeal, correctionBatches: ack.batchIds, closesOnLaterScore: false };
      await this.appeals.update(m, appeal.id, { correctionBatches: ack.batchIds, closesOnLaterScore: false });
      if (appeal.status !== 'awaiting-rescore') return 'recorded'; // closed already (as it was before acknowledgements)
      // No batch: no record changed, and no score will ever name one.
      if (ack.batchIds.length === 0) await this.appeals.update(m, appeal.id, { status: 'decided', closedAt: at });
      else await this.closeIfRescored(m, acknowledged, await this.scores.currentForRescore(m, appeal.creditCode));
      return 'recorded';
    });
  }

  /** Scores that became current, in the transaction that took them: each closes the appeals it completes. */
  async onRescored(manager: EntityManager, current: SeenScore[]): Promise<void> {
    const byCode = new Map(current.map((s) => [s.creditCode, s]));
    for (const appeal of await this.appeals.awaitingRescore(manager, [...byCode.keys()])) {
      await this.closeIfRescored(manager, appeal, byCode.get(appeal.creditCode)!);
    }
  }

  private async closeIfRescored(m: EntityManager, appeal: RescoreState, score: SeenScore | null): Promise<void> {
    if (!score || !rescoreCloses(appeal, score)) return;
    const at = new Date().toISOString();
    await this.steps.add(m, appeal.id, appeal.creditCode, {
      step: 'rescored',
      actor: 'scoring',
      note: null,
      at,
      detail: {
        scoreId: score.scoreId,
        colour: score.colour,
        probability: score.probability,
        previousColour: appeal.colour,
        previousProbability: appeal.probability,
      },
    });
    await this.appeals.update(m, appeal.id, { status: 'decided', closedAt: at });
  }
}
