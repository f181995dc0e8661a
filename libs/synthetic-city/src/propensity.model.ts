import type { Enterprise } from './enterprise.model';

/**
 * The hidden violation process. The log-odds that an enterprise is in violation in a period is
 *   observable part (industry, size, capital, abnormal listing, legal-rep changes, shared address)
 * + age part (young subjects violate more; changes as the subject ages)
 * + unobserved effect (normal, fixed per enterprise; no platform records it)
 * + drift (AR(1) per 30-day period; no platform records it)
 * + persistence (decayed count of the enterprise's past true violations, detected or not).
 */
export const PROCESS = {
  intercept: -1.7,
  driftRho: 0.92,
  driftSd: 0.45,
  persistenceDecay: 0.9,
  persistenceWeight: 0.45,
  /** Chance per period that a violation event (feeding complaints and persistence) happens, times p. */
  eventRate: 0.12,
  periodDays: 30,
} as const;

export function observableLogit(e: Enterprise): number {
  let logit = PROCESS.intercept + e.section.riskEffect;
  logit += e.employees === null ? 0.25 : 0.12 * Math.log1p(e.employees);
  if (!e.isIndividual) logit += e.capitalWan === null ? 0.1 : -0.07 * Math.log1p(e.capitalWan);
  if (e.subscribedWan !== null && e.capitalWan !== null && e.subscribedWan < e.capitalWan) logit += 0.15;
  if (e.abnormalListed) logit += 0.9;
  logit += 0.3 * Math.min(e.legalRepChanges, 3);
  logit += 0.3 * Math.log1p(e.sharedAddressCount);
  return logit;
}

export function ageEffect(ageYears: number): number {
  return 0.55 * Math.exp(-Math.max(ageYears, 0) / 2.5) - 0.1;
}

export function sigmoid(x: number): number {
  return 1 / (1 + Math.exp(-x));
}
