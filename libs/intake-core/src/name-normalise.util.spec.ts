import { normaliseAddress, normaliseName } from './name-normalise.util';

describe('normalisation for matching', () => {
  it('strips regions, legal forms, blanks, punctuation and full-width forms from names', () => {
    expect(normaliseName('佛山市禅城区明记餐饮管理有限公司')).toBe('明记餐饮管理');
    expect(normaliseName('广东省 佛山市 恒达五金（佛山）股份有限公司')).toBe('恒达五金');
    expect(normaliseName('ＡＢＣ 贸易有限责任公司')).toBe('abc贸易');
  });

  it('does not mistake ordinary words for regions', () => {
    expect(normaliseName('好又多超市有限公司')).toBe('好又多超市');
    expect(normaliseName('智慧城市科技有限公司')).toBe('智慧城市科技');
  });

  it('reduces both spellings of an address to comparable forms', () => {
    expect(normaliseAddress('佛山市禅城区祖庙街道建新路18号首层')).toBe('建新路18号首层');
    expect(normaliseAddress('禅城区 建新路１８号')).toBe('建新路18号');
  });
});
