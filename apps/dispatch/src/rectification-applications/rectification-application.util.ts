import type { Decision } from './dtos/rectification-application.dto';

export type ApplicationStatus = 'pending' | 'granted' | 'refused';

/**
 * Why a decision on an application cannot be taken, or null when it can: only a pending application is
 * decided, and a refusal says why (the enterprise reads the note).
 */
export function decisionRefusal(
  status: ApplicationStatus,
  decision: { decision: Decision; note?: string },
): { code: 'decided' | 'note_required'; message: string } | null {
  if (status !== 'pending') return { code: 'decided', message: `the application is already ${status}` };
  if (decision.decision === 'refuse' && (decision.note ?? '').trim().length < 2)
    return { code: 'note_required', message: 'a refusal needs a note (2–500 characters) for the enterprise' };
  return null;
}
