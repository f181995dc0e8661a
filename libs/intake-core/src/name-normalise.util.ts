/**
 * Normalised forms of enterprise names and addresses, for matching what a citizen wrote in a clue
 * against the register. Both sides go through the same function, so a prefix stripped in error
 * is stripped from both.
 */

const SPACE_AND_PUNCTUATION = /[\s\p{P}\p{S}]/gu;
// Short bracketed parts are regions or legal forms: 明记餐饮(佛山)有限公司, XX(有限合伙).
const SHORT_BRACKETED = /\([^()]{0,8}\)/g;

/** Full-width to half-width (NFKC), lower case, no blanks or punctuation. */
function basic(text: string, dropBrackets: boolean): string {
  let s = text.normalize('NFKC').toLowerCase();
  if (dropBrackets) s = s.replace(SHORT_BRACKETED, '');
  return s.replace(SPACE_AND_PUNCTUATION, '');
}

/**
 * Leading administrative divisions: a province, city, district/county and, for addresses, the
 * township or sub-district. `notBefore` lists characters that make the suffix part of an ordinary
 * word instead (超市, 城市, 社区, 小区...), which must not be stripped.
 */
interface Division {
  pattern: RegExp;
  notBefore: string;
}
const PROVINCE: Division = { pattern: /^\p{Script=Han}{2,7}?(?:省|自治区|特别行政区)/u, notBefore: '' };
const CITY: Division = { pattern: /^\p{Script=Han}{2,4}?市/u, notBefore: '超门菜夜集城股街都黑' };
const DISTRICT: Division = { pattern: /^\p{Script=Han}{2,4}?(?:区|县|旗)/u, notBefore: '社小园校景厂务学营业街山郊市片' };
const TOWNSHIP: Division = { pattern: /^\p{Script=Han}{2,4}?(?:街道|镇|乡)/u, notBefore: '城' };

const DIVISION_SUFFIX = /(?:街道|自治区|特别行政区|省|市|区|县|旗|镇|乡)$/;

/** Strips one division at the start if what follows is still a usable string (two characters at least). */
function stripDivision(s: string, division: Division): string {
  const m = division.pattern.exec(s);
  if (m === null) return s;
  const suffix = DIVISION_SUFFIX.exec(m[0]);
  const before = m[0][m[0].length - (suffix === null ? 1 : suffix[0].length) - 1];
  if (division.notBefore.includes(before)) return s;
  const rest = s.slice(m[0].length);
  return rest.length >= 2 ? rest : s;
}

function stripDivisions(s: string, divisions: readonly Division[]): string {
  let out = s;
  for (const division of divisions) out = stripDivision(out, division);
  return out;
}

// Longest first, so 股份有限公司 is not left as 股份.
const LEGAL_FORMS = [
  '有限责任公司',
  '股份有限公司',
  '个人独资企业',
  '农民专业合作社',
  '个体工商户',
  '有限公司',
  '股份公司',
  '集团公司',
  '合伙企业',
  '有限合伙',
  '普通合伙',
  '专业合作社',
  '分公司',
  '合作社',
  '公司',
];

function stripLegalForm(s: string): string {
  let out = s;
  for (let changed = true; changed;) {
    changed = false;
    for (const form of LEGAL_FORMS) {
      if (out.endsWith(form) && out.length - form.length >= 2) {
        out = out.slice(0, -form.length);
        changed = true;
        break;
      }
    }
  }
  return out;
}

/** '佛山市禅城区明记餐饮管理有限公司' → '明记餐饮管理'. */
export function normaliseName(name: string): string {
  return stripDivisions(stripLegalForm(basic(name, true)), [PROVINCE, CITY, DISTRICT]);
}

/** '佛山市禅城区祖庙街道建新路18号首层' → '建新路18号首层'; '禅城区建新路18号' → '建新路18号'. */
export function normaliseAddress(address: string): string {
  return stripDivisions(basic(address, false), [PROVINCE, CITY, DISTRICT, TOWNSHIP]);
}

/** The fewest characters of a specific address (see isSpecificAddress). */
export const MIN_SPECIFIC_ADDRESS = 5;

/** An address precise enough to identify premises: it carries a number (house, building) and some text. */
export function isSpecificAddress(normalised: string): boolean {
  return normalised.length >= MIN_SPECIFIC_ADDRESS && /\d/.test(normalised);
}
