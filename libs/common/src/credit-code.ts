/** The unified social credit code (统一社会信用代码), GB 32100-2015. */
export const CREDIT_CODE_ALPHABET = '0123456789ABCDEFGHJKLMNPQRTUWXY';
const WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];
const SHAPE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/**
 * What an API takes as a credit code once normalised: 18 letters and digits. Looser than a valid
 * code on purpose: a code the ledger holds is found, any other finds nothing; only a code of the
 * wrong shape is refused, with the message below.
 */
export const CREDIT_CODE_FORM = /^[0-9A-Z]{18}$/;
export const CREDIT_CODE_FORM_MESSAGE = '$property is an 18-character unified social credit code';
export const CREDIT_CODE_LIST_MESSAGE = 'each value in $property must be an 18-character unified social credit code';

/** The check character for the first 17 characters, or null when one is outside the alphabet. */
export function creditCodeCheckChar(first17: string): string | null {
  if (first17.length !== 17) return null;
  let sum = 0;
  for (let i = 0; i < 17; i++) {
    const index = CREDIT_CODE_ALPHABET.indexOf(first17[i]);
    if (index < 0) return null;
    sum += index * WEIGHTS[i];
  }
  const check = (31 - (sum % 31)) % 31;
  return CREDIT_CODE_ALPHABET[check];
}

export function isValidCreditCode(code: unknown): code is string {
  if (typeof code !== 'string' || !SHAPE.test(code)) return false;
  return creditCodeCheckChar(code.slice(0, 17)) === code[17];
}

/**
 * A code as a person types it (a credit code, a visit's number), read as written: upper-cased, blanks
 * stripped, and full-width characters from a Chinese input method (９１４４…, ＴＰ－２０２６) folded (NFKC).
 */
export function normaliseTypedCode(raw: string): string {
  return raw.normalize('NFKC').replace(/\s+/g, '').toUpperCase();
}

/** A certificate number (执法证号) as an account holds it: typed with a Chinese input method, digits may come full-width. */
export function normaliseOfficerId(raw: string): string {
  return raw.normalize('NFKC').trim();
}

/** The sources often pad codes or type them in lower case or full-width: read as typed (normaliseTypedCode). */
export function normaliseCreditCode(raw: string): string {
  return normaliseTypedCode(raw);
}

/** One credit code as a query gives it, normalised; anything but a text as it came, for the validator to refuse. */
export function creditCodeValue(value: unknown): unknown {
  return typeof value === 'string' ? normaliseCreditCode(value) : value;
}

/** Credit codes given comma-separated (or as several query values) as a list, each normalised, blanks dropped; anything else as it came. */
export function creditCodeList(value: unknown): unknown {
  if (typeof value !== 'string' && !Array.isArray(value)) return value;
  return [value]
    .flat()
    .flatMap((part) => String(part).split(','))
    .map(normaliseCreditCode)
    .filter(Boolean);
}
