import { CREDIT_CODE_ALPHABET, creditCodeCheckChar, type Prng } from '@tianping/common';

const MODERN_SPACE = 31 ** 5;
const LEGACY_SPACE = 1e8;
const ORG_CODE_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2];

/**
 * Mints valid, city-unique unified social credit codes. Uniqueness comes from an affine bijection of
 * the enterprise's index, not from a lookup set, so minting stays O(1) for a million enterprises.
 */
export class CreditCodeMinter {
  private readonly modernStep: number;
  private readonly modernOffset: number;
  private readonly legacyStep: number;
  private readonly legacyOffset: number;

  constructor(private readonly prng: Prng) {
    this.modernStep = coprimeStep(prng, 31, 1_000, MODERN_SPACE - 1);
    this.modernOffset = prng.int(0, MODERN_SPACE - 1);
    this.legacyStep = coprimeStepDecimal(prng);
    this.legacyOffset = prng.int(0, LEGACY_SPACE - 1);
  }

  /**
   * `91…` for companies, `92…` for individual businesses. Codes issued after the 2015 reform carry
   * an `MA…` body; older subjects kept their 9-character organisation code (8 digits + check).
   */
  mint(index: number, isIndividual: boolean, regionCode: string, issuedAfterReform: boolean): string {
    const body = issuedAfterReform ? this.modernBody(index) : this.legacyBody(index);
    const first17 = (isIndividual ? '92' : '91') + regionCode + body;
    return first17 + creditCodeCheckChar(first17);
  }

  private modernBody(index: number): string {
    if (index >= MODERN_SPACE) throw new Error('too many enterprises for the credit code space');
    let k = (this.modernStep * index + this.modernOffset) % MODERN_SPACE;
    let tail = '';
    for (let i = 0; i < 5; i++) {
      tail = CREDIT_CODE_ALPHABET[k % 31] + tail;
      k = Math.floor(k / 31);
    }
    const a = CREDIT_CODE_ALPHABET[this.prng.int(0, 30)];
    const b = CREDIT_CODE_ALPHABET[this.prng.int(0, 30)];
    return `MA${a}${b}${tail}`;
  }

  /** The pre-2015 organisation code with its GB 11714 check character. */
  private legacyBody(index: number): string {
    const k = (this.legacyStep * index + this.legacyOffset) % LEGACY_SPACE;
    const digits = String(k).padStart(8, '0');
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (digits.charCodeAt(i) - 48) * ORG_CODE_WEIGHTS[i];
    const check = 11 - (sum % 11);
    return digits + (check === 10 ? 'X' : check === 11 ? '0' : String(check));
  }
}

function coprimeStep(prng: Prng, prime: number, min: number, max: number): number {
  for (;;) {
    const step = prng.int(min, max);
    if (step % prime !== 0) return step;
  }
}

/** A step coprime with 10^8 and small enough that step * index stays an exact double. */
function coprimeStepDecimal(prng: Prng): number {
  for (;;) {
    const step = prng.int(1_001, 9_999_999);
    if (step % 2 !== 0 && step % 5 !== 0) return step;
  }
}

/** One character replaced by another from the alphabet: a single substitution always breaks the check. */
export function mistypeCreditCode(code: string, prng: Prng): string {
  const position = prng.int(2, 17);
  const current = CREDIT_CODE_ALPHABET.indexOf(code[position]);
  const replacement = CREDIT_CODE_ALPHABET[(current + prng.int(1, 30)) % 31];
  return code.slice(0, position) + replacement + code.slice(position + 1);
}
