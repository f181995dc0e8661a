import { ScoringSubjects, type ColourPolicyEvent, type ModelVersionEvent } from '@tianping/contracts';
import { ColourPolicyEventDto, ModelVersionEventDto } from '../record/dtos/scoring-events.dto';
import { InvalidEvent, validated } from '../record/scoring-events.mapper';
import type { ApprovalRequest } from './approvals.repository';

export type Proposal = Pick<ApprovalRequest, 'subjectKind' | 'subjectRef' | 'proposedBy' | 'builtBy' | 'proposal' | 'proposedAt'>;

/** Versions registered before builders were recorded were trained in-house. */
const BUREAU = { kind: 'bureau', name: 'bureau' } as const;

/**
 * What oversight is asked to approve, read from scoring's announcements: a newly registered model
 * version (its trainer is the proposer) or a proposed colour policy. Other changes propose nothing.
 */
export function proposalFrom(subject: string, payload: unknown): Proposal | null {
  switch (subject) {
    case ScoringSubjects.modelRegistered: {
      const event = validated<ModelVersionEvent>(ModelVersionEventDto, payload);
      if (event.state !== 'draft') return null;
      return {
        subjectKind: 'model-version',
        subjectRef: event.modelVersion,
        proposedBy: event.actor,
        builtBy: event.builtBy ?? BUREAU,
        proposal: { specName: event.specName, trainingWindow: event.trainingWindow, dataFingerprint: event.dataFingerprint, metrics: event.metrics },
        proposedAt: event.at,
      };
    }
    case ScoringSubjects.colourPolicyChanged: {
      const event = validated<ColourPolicyEvent>(ColourPolicyEventDto, payload);
      if (event.state !== 'proposed') return null;
      return {
        subjectKind: 'colour-policy',
        subjectRef: event.version,
        proposedBy: event.actor,
        builtBy: null,
        proposal: { thresholds: event.thresholds },
        proposedAt: event.at,
      };
    }
    default:
      throw new InvalidEvent(`no proposal mapping for subject ${subject}`);
  }
}
