import { creditCodeCheckChar, creditCodeValue, isValidCreditCode, normaliseCreditCode } from './credit-code';

describe('unified social credit code', () => {
  it('accepts the contract example and the valid sample codes', () => {
    for (const code of ['91350100M000100Y43', '91440604MA4UJ8K20C', '91440605MA52TQ0L32', '92440604MA4W7Y8H1R']) {
      expect(isValidCreditCode(code)).toBe(true);
    }
  });

  it('rejects a wrong check character, letters outside the alphabet and wrong lengths', () => {
    expect(isValidCreditCode('91440604MA4UJ8K200')).toBe(false);
    expect(isValidCreditCode('91440604MA4UJ8K2XX')).toBe(false);
    expect(isValidCreditCode('91440604MA4UJ8K2OC')).toBe(false);
    expect(isValidCreditCode('91440604MA4UJ8K20')).toBe(false);
    expect(isValidCreditCode(undefined)).toBe(false);
  });

  it('computes a check character that validates', () => {
    const first17 = '91440604MA4UJ8K20';
    expect(isValidCreditCode(first17 + creditCodeCheckChar(first17))).toBe(true);
  });

  it('normalises case and blanks', () => {
    expect(normaliseCreditCode(' 91440604ma4uj8k20c ')).toBe('91440604MA4UJ8K20C');
    expect(normaliseCreditCode('9144 0604 MA4U J8K2 0C')).toBe('91440604MA4UJ8K20C');
  });

  it('folds a code typed in full-width characters, and the ideographic space, to the plain code', () => {
    expect(normaliseCreditCode('\u3000９１４４０６０４ｍａ４ｕｊ８ｋ２０Ｃ\u3000')).toBe('91440604MA4UJ8K20C');
    expect(isValidCreditCode(normaliseCreditCode('９１４４０６０４ＭＡ４ＵＪ８Ｋ２０Ｃ'))).toBe(true);
  });

  it('folds one code of a query as people type it, and leaves anything else for the validator', () => {
    expect(creditCodeValue(' ９１４４０６０４ma4uj8k20c ')).toBe('91440604MA4UJ8K20C');
    expect(creditCodeValue(['91440604MA4UJ8K20C'])).toEqual(['91440604MA4UJ8K20C']);
    expect(creditCodeValue(undefined)).toBeUndefined();
  });
});
