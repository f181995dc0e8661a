import { createHash } from 'node:crypto';
import { plainToInstance, type ClassConstructor } from 'class-transformer';
import { validateSync } from 'class-validator';
import { canonicalJson, type JsonValue } from '@tianping/audit-log';
import { ScoringSubjects, type ColourPolicyEvent, type ModelVersionEvent, type ScoresComputed } from '@tianping/contracts';
import type { EntryDraft } from './audit-record.util';
import { ColourPolicyEventDto, ModelVersionEventDto, ScoresComputedDto } from './dtos/scoring-events.dto';

/** A payload that does not meet its contract: logging a guess would be worse than refusing it. */
export class InvalidEvent extends Error {}

export function validated<T>(dto: ClassConstructor<object>, payload: unknown): T {
  if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw new InvalidEvent('payload is not a JSON object');
  const errors = validateSync(plainToInstance(dto, payload), { forbidUnknownValues: false });
  if (errors.length > 0) throw new InvalidEvent(`invalid ${dto.name}: ${errors.map((e) => e.property).join(', ')}`);
  // The original object is logged, not the transformed instance: the record keeps what was sent.
  return payload as T;
}

/** Events without a natural id are identified by their content: the same event sent again is the same. */
function contentKey(prefix: string, payload: unknown): string {
  return `${prefix}:${createHash('sha256').update(canonicalJson(payload)).digest('hex')}`;
}

/** What the record logs for each scoring event: one entry per score, one per model or policy change. */
export function scoringEventEntries(subject: string, payload: unknown): EntryDraft[] {
  switch (subject) {
    case ScoringSubjects.scoresComputed: {
      const event = validated<ScoresComputed>(ScoresComputedDto, payload);
      return event.scores.map((score) => ({
        kind: 'score',
        subjectRef: score.creditCode,
        data: { batchId: event.batchId, score } as unknown as JsonValue,
        eventKey: `score:${score.scoreId}`,
      }));
    }
    case ScoringSubjects.modelRegistered:
    case ScoringSubjects.modelStateChanged: {
      const event = validated<ModelVersionEvent>(ModelVersionEventDto, payload);
      return [{ kind: 'model-version', subjectRef: event.modelVersion, data: event as unknown as JsonValue, eventKey: contentKey('model-version', event) }];
    }
    case ScoringSubjects.colourPolicyChanged: {
      const event = validated<ColourPolicyEvent>(ColourPolicyEventDto, payload);
      return [{ kind: 'colour-policy', subjectRef: event.version, data: event as unknown as JsonValue, eventKey: contentKey('colour-policy', event) }];
    }
    default:
      throw new InvalidEvent(`no record mapping for subject ${subject}`);
  }
}
