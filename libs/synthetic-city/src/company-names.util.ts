import type { Prng } from '@tianping/common';

/** Characters that Cantonese trade names (字号) favour. */
const TRADE_CHARS =
  '恒达兴隆盛昌明记福华美嘉宏利源鑫泰丰和康顺发荣佳宝金永安祥瑞富广信德胜耀辉海联创新威豪骏雅汇益宇星晨诚邦骐锦翔乐邦家合正通亿万骏凯强旺晟东南粤佛禅桂顺明南珠江'.split(
    '',
  );

/**
 * Mints company names that are unique in the city, so that a clue quoting the full registered name
 * can be linked without ambiguity (registration law forbids two identical names in one area anyway).
 */
export class CompanyNamer {
  private readonly used = new Set<string>();

  constructor(private readonly prng: Prng) {}

  name(districtName: string, nameWord: string, isIndividual: boolean): { fullName: string; shortName: string } {
    for (let attempt = 0; ; attempt++) {
      const length = attempt < 3 ? 2 : 3;
      let trade = '';
      for (let i = 0; i < length; i++) trade += TRADE_CHARS[this.prng.int(0, TRADE_CHARS.length - 1)];
      const shortName = trade + nameWord;
      const fullName = isIndividual ? `${districtName}${shortName}` : `佛山市${districtName}${shortName}${this.orgForm()}`;
      if (this.used.has(fullName)) continue;
      this.used.add(fullName);
      return { fullName, shortName };
    }
  }

  private orgForm(): string {
    const roll = this.prng.next();
    if (roll < 0.85) return '有限公司';
    if (roll < 0.95) return '有限责任公司';
    return '股份有限公司';
  }
}
