import { Inject, Injectable, type BeforeApplicationShutdown, type OnApplicationBootstrap } from '@nestjs/common';
import type { NatsConnection } from '@nats-io/transport-node';
import { DispatchSubjects, IntakeSubjects, ScoringSubjects, STREAMS } from '@tianping/contracts';
import { NATS_CONNECTION, RoutedConsumers } from '@tianping/messaging';
import { colourPolicyEventRow, drawRow, enterpriseRows, inspectionRows, modelEventRow, scoreRows } from './audit-events.validator';
import { AuditProjectionRepository } from './audit-projection.repository';

/**
 * Feeds the audits' projections from the same events the record logs, on durable consumers of their
 * own (the record's are untouched). Scoring's and dispatch's subjects share one consumer per stream,
 * so a model's events and its scores arrive in the order they were published.
 */
@Injectable()
export class AuditProjectionHandler implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly consumers: RoutedConsumers;

  constructor(@Inject(NATS_CONNECTION) nc: NatsConnection, projections: AuditProjectionRepository) {
    this.consumers = new RoutedConsumers(
      nc,
      [
        { stream: STREAMS.scoring.name, durable: 'oversight-audits-scoring', subject: STREAMS.scoring.subjects[0] },
        { stream: STREAMS.dispatch.name, durable: 'oversight-audits-dispatch', subject: STREAMS.dispatch.subjects[0] },
        { stream: STREAMS.intake.name, durable: 'oversight-audits-subjects', subject: IntakeSubjects.subjectsUpserted },
      ],
      {
        [ScoringSubjects.scoresComputed]: (p) => projections.upsertScores(scoreRows(p)),
        [ScoringSubjects.modelRegistered]: (p) => projections.insertModelEvent(modelEventRow(p)),
        [ScoringSubjects.modelStateChanged]: (p) => projections.insertModelEvent(modelEventRow(p)),
        [ScoringSubjects.colourPolicyChanged]: (p) => projections.insertColourPolicyEvent(colourPolicyEventRow(p)),
        [DispatchSubjects.drawCompleted]: (p) => projections.insertDraw(drawRow(p)),
        [DispatchSubjects.visitResultRecorded]: (p) => projections.insertInspections(inspectionRows(p)),
        // A published plan adds nothing the audits need: its draw carries the tasks and their reasons.
        [DispatchSubjects.planPublished]: async () => undefined,
        // Nor does a changed setting: the draws made afterwards carry their inputs' fingerprints.
        [DispatchSubjects.settingChanged]: async () => undefined,
        // Nor does a team change: the audits read who was drawn and what was found, not who went.
        [DispatchSubjects.visitTeamChanged]: async () => undefined,
        // Nor does an extended deadline: the audits read what inspections found, not when a re-inspection is due.
        [DispatchSubjects.rectificationExtended]: async () => undefined,
        [DispatchSubjects.caseRectificationExtended]: async () => undefined,
        [DispatchSubjects.followUpReleased]: async () => undefined,
        [IntakeSubjects.subjectsUpserted]: (p) => projections.upsertEnterprises(enterpriseRows(p)),
      },
    );
  }

  onApplicationBootstrap(): Promise<void> {
    return this.consumers.start();
  }

  beforeApplicationShutdown(): Promise<void> {
    return this.consumers.stop();
  }
}
