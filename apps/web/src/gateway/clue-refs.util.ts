import { normaliseClueRef, renameClueIds } from '@tianping/common';
import { isObject } from '@tianping/messaging';

type Json = Record<string, unknown>;

/** Fields holding people's own words, where an officer may have written a complaint's id. */
const TEXT_FIELDS = new Set(['decisionReasons', 'note', 'reasons', 'grounds', 'claim', 'withdrawalReason']);
/** The id of a clue as an answer names it: `clueId` in intake's file, `recordId` of a `kind: 'clue'` in an appeal. */
const idOf = (o: Json): unknown => (o.kind === 'clue' ? o.recordId : o.clueId);

/**
 * An answer as an enterprise may see it (举报人信息保密): no clue's Platform B id, which carries the
 * channel and day it came in. Each clue keeps its reference (`ref`); an id that also appears in text
 * (an officer's reasons naming the complaint) is replaced there by the reference given beside it.
 */
export function withoutClueIds(body: unknown): unknown {
  const refs = new Map<string, string>();
  collect(body, refs);
  return strip(body, (text) => renameClueIds(text, refs));
}

function collect(node: unknown, refs: Map<string, string>): void {
  if (Array.isArray(node)) for (const item of node) collect(item, refs);
  if (!isObject(node)) return;
  const id = idOf(node);
  if (typeof id === 'string' && id && typeof node.ref === 'string') refs.set(id, node.ref);
  for (const item of Object.values(node)) collect(item, refs);
}

function strip(node: unknown, rewrite: (text: string) => string): unknown {
  if (Array.isArray(node)) return node.map((item) => strip(item, rewrite));
  if (!isObject(node)) return node;
  const out: Json = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'clueId' || (key === 'recordId' && node.kind === 'clue')) continue;
    out[key] = TEXT_FIELDS.has(key) && typeof value === 'string' ? rewrite(value) : strip(value, rewrite);
  }
  return out;
}

export type ChallengeResolution = { ok: true; body: unknown } | { ok: false; message: string };

/**
 * An enterprise's filing names the clues it challenges by their references (`{kind: 'clue', ref}`);
 * oversight and intake act on the ids, so each is looked up among the clues of its own file. An id
 * instead of a reference, or a reference not in the file, is refused the same way, so a guessed id
 * learns nothing.
 */
export function resolveClueRefs(body: unknown, ownClues: readonly { clueId: string; ref: string }[]): ChallengeResolution {
  if (!isObject(body) || !Array.isArray(body.challenges)) return { ok: true, body };
  const challenges: unknown[] = [];
  for (const challenge of body.challenges) {
    if (!isObject(challenge) || challenge.kind !== 'clue') {
      challenges.push(challenge);
      continue;
    }
    const ref = typeof challenge.ref === 'string' ? normaliseClueRef(challenge.ref) : null;
    const found = ref ? ownClues.filter((c) => c.ref === ref) : [];
    const shown = typeof challenge.ref === 'string' ? challenge.ref.slice(0, 20) : '';
    if (found.length !== 1)
      return { ok: false, message: `no complaint with the reference "${shown}" in your file: name a complaint by the reference your file shows` };
    const { ref: _ref, recordId: _id, ...rest } = challenge;
    challenges.push({ ...rest, recordId: found[0].clueId });
  }
  return { ok: true, body: { ...body, challenges } };
}
