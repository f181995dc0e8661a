import type { JsonValue } from '@tianping/audit-log';

/** Names this log in every signed checkpoint, so a checkpoint of another log is never accepted. */
export const AUDIT_LOG_ORIGIN = 'tianping/oversight/record';

/** What a part of oversight asks to have logged. eventKey (its natural id) makes a retry a no-op. */
export interface EntryDraft {
  kind: string;
  subjectRef: string | null;
  data: JsonValue;
  eventKey?: string;
}

/**
 * The body that is hashed. kind, ref and the time are inside it, so the lookup columns of a row are
 * covered by the leaf hash too. Canonical key order puts `at` first and `kind`,`ref` last, which lets
 * a verifier compare the columns with the body by prefix and suffix, without parsing a million bodies.
 */
export function recordBody(draft: EntryDraft, at: string): { [key: string]: JsonValue } {
  return { at, data: draft.data, kind: draft.kind, ref: draft.subjectRef };
}

/** The row's lookup columns say what its logged body says. */
export function columnsMatchBody(row: { bodyJson: string; kind: string; subjectRef: string | null; recordedAt: string }): boolean {
  return (
    row.bodyJson.startsWith(`{"at":${JSON.stringify(row.recordedAt)},"data":`) &&
    row.bodyJson.endsWith(`,"kind":${JSON.stringify(row.kind)},"ref":${JSON.stringify(row.subjectRef)}}`)
  );
}
