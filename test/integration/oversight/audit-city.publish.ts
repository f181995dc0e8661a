import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { DispatchSubjects, IntakeSubjects, ScoringSubjects, STREAMS } from '@tianping/contracts';
import { encodeJson } from '@tianping/messaging';
import { baselineScores, COLOUR_POLICY, currentScores, drawEvent, modelEvents, subjectsEvent, visitResults } from './audit-city.fixture';
import { eventually } from './oversight-app.harness';

export type Publish = (subject: string, payload: unknown, id: string) => Promise<unknown>;

/** Publishes onto JetStream with a message id, as the apps' outbox relays do. */
export function publisher(nc: NatsConnection): Publish {
  const js = jetstream(nc);
  return (subject, payload, id) => js.publish(subject, encodeJson(payload), { msgID: id });
}

/** The fixture's draw as two parts, each with the header. */
export function drawParts() {
  const whole = drawEvent();
  const half = Math.ceil(whole.tasks.length / 2);
  return [whole.tasks.slice(0, half), whole.tasks.slice(half)].map((tasks, i) => ({ ...whole, tasks, part: i + 1, parts: 2, taskCount: whole.tasks.length }));
}

/** The audit city as the other apps would send it: model and policy, subjects, scores, the draw (in two parts) and every visit. */
export async function publishAuditCity(publish: Publish): Promise<void> {
  for (const [k, event] of modelEvents().entries())
    await publish(k === 0 ? ScoringSubjects.modelRegistered : ScoringSubjects.modelStateChanged, event, `model-${k}`);
  await publish(ScoringSubjects.colourPolicyChanged, COLOUR_POLICY, 'policy');
  await publish(IntakeSubjects.subjectsUpserted, subjectsEvent(), 'subjects');
  await publish(ScoringSubjects.scoresComputed, baselineScores(), 'baseline');
  await publish(ScoringSubjects.scoresComputed, currentScores(), 'current');
  // The draw comes in two parts, as a large city's does: the figures need the tasks of both.
  const [firstPart, secondPart] = drawParts();
  await publish(DispatchSubjects.drawCompleted, firstPart, 'draw-1');
  await publish(DispatchSubjects.drawCompleted, secondPart, 'draw-2');
  for (const result of visitResults()) await publish(DispatchSubjects.visitResultRecorded, result, result.visitId);
}

/** True once the audits' durable consumers have nothing pending or unacknowledged. */
export async function auditsSettled(nc: NatsConnection): Promise<boolean> {
  const jsm = await jetstreamManager(nc);
  const durables: [string, string][] = [
    [STREAMS.scoring.name, 'oversight-audits-scoring'],
    [STREAMS.dispatch.name, 'oversight-audits-dispatch'],
    [STREAMS.intake.name, 'oversight-audits-subjects'],
  ];
  return eventually(async () => {
    for (const [stream, durable] of durables) {
      const info = await jsm.consumers.info(stream, durable);
      if (info.num_pending > 0 || info.num_ack_pending > 0) return false;
    }
    return true;
  }, 30_000);
}
