import { creditCodeCheckChar } from '@tianping/common';

/** A valid credit code (GB 32100) numbered `i` in a series of its own (three letters or digits), so test files do not share enterprises. */
export function creditCodeFor(series: string, i: number): string {
  const first17 = `91440604${series}${String(i).padStart(6, '0')}`;
  return first17 + creditCodeCheckChar(first17);
}
