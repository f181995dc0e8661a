import { isObject } from '@tianping/messaging';
import type { ChallengeResolution } from './clue-refs.util';

type Json = Record<string, unknown>;

/**
 * What a reviewer needs to weigh a challenged record, as the enterprise's own file showed it when
 * the appeal was filed. Nothing that could point to a complainant (no channel, no hour) and no one's
 * name: a case's officers are not in the file's answer, and none of these fields names a person.
 */
const FACTS = {
  case: ['date', 'department', 'kind', 'origin', 'result', 'violation', 'violationFound', 'penaltyYuan'],
  clue: ['receivedOn', 'category', 'department', 'verified', 'status'],
} as const;

export interface FileRecords {
  cases?: Json[];
  clues?: Json[];
}

/** A fact's text as oversight keeps it: a record's free text (a violation's wording) may run long. */
export const FACT_TEXT_MAX = 500;
const clip = (value: unknown) => (typeof value === 'string' && value.length > FACT_TEXT_MAX ? `${value.slice(0, FACT_TEXT_MAX - 1)}…` : value);

/**
 * Each challenge of a filing with `record`, the facts of that record from the enterprise's file (the
 * gateway's, never the caller's: one sent along is replaced). A case number not in the file is refused,
 * as a complaint reference not in it is. Run after the references became clue ids.
 */
export function withChallengedRecords(body: unknown, file: FileRecords): ChallengeResolution {
  if (!isObject(body) || !Array.isArray(body.challenges)) return { ok: true, body };
  const byId = {
    case: new Map((file.cases ?? []).map((c) => [String(c.caseNo), c])),
    clue: new Map((file.clues ?? []).map((c) => [String(c.clueId), c])),
  };
  const challenges: unknown[] = [];
  for (const challenge of body.challenges) {
    if (!isObject(challenge) || (challenge.kind !== 'case' && challenge.kind !== 'clue')) {
      challenges.push(challenge);
      continue;
    }
    const { record: _sent, ...rest } = challenge;
    const id = typeof challenge.recordId === 'string' ? challenge.recordId.trim() : '';
    const found = byId[challenge.kind].get(id);
    if (!found) {
      if (challenge.kind === 'clue') return { ok: false, message: 'a complaint named is not in your file' };
      return { ok: false, message: `no case numbered "${id.slice(0, 64)}" in your file: name a case by the number your file shows` };
    }
    const facts = FACTS[challenge.kind].filter((f) => found[f] !== undefined).map((f) => [f, clip(found[f])]);
    challenges.push({ ...rest, record: Object.fromEntries(facts) });
  }
  return { ok: true, body: { ...body, challenges } };
}
