import type { Prng } from '@tianping/common';
import type { Officer } from './officer-roster.util';
import { roundNice } from './sampling.util';

/** A team notices a violation that is there with its officers' mean stringency. */
export function teamDetection(team: readonly Officer[]): number {
  let detection = 0;
  for (const officer of team) detection += officer.stringency;
  return detection / team.length;
}

/** Most cases opened (立案查处) end in a penalty (处罚) some weeks later, when that falls inside the window. */
export function penaltyAfter(filed: boolean, penaltyDay: number, endDay: number, prng: Prng): { day: number; amountYuan: number } | null {
  return filed && penaltyDay < endDay && prng.bernoulli(0.75) ? { day: penaltyDay, amountYuan: roundNice(Math.exp(prng.normal(Math.log(5000), 1.2))) } : null;
}
