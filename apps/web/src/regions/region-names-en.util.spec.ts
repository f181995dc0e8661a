import { englishRegionNames } from './region-names-en.util';
import { regionNames } from './region-names.util';

describe('English names of divisions', () => {
  const en = englishRegionNames(regionNames());

  it('gives every division an English name in Latin letters', () => {
    for (const [code, name] of Object.entries(en)) {
      expect([code, name]).toEqual([code, expect.stringMatching(/^[A-Z][A-Za-zü' ,.-]+$/)]);
    }
  });

  // Each as the Ministry of Civil Affairs' gazetteer and the divisions' own English sites write them.
  it.each([
    ['110101', 'Dongcheng District'],
    ['440605', 'Nanhai District'],
    ['440113', 'Panyu District'],
    ['500000', 'Chongqing Municipality'],
    ['430100', 'Changsha City'],
    ['341500', "Lu'an City"],
    ['320116', 'Luhe District'],
    ['340300', 'Bengbu City'],
    ['610100', "Xi'an City"],
    ['130225', 'Laoting County'],
    ['330382', 'Yueqing City'],
    ['371722', 'Shanxian County'],
    ['341021', 'Shexian County'],
    ['130726', 'Yuxian County'],
    ['141024', 'Hongtong County'],
    ['653101', 'Kashi City'],
    ['420116', 'Huangpi District'],
    ['510117', 'Pidu District'],
    ['441523', 'Luhe County'],
    ['411726', 'Biyang County'],
    ['341621', 'Guoyang County'],
    ['140302', 'Chengqu District'],
    ['140000', 'Shanxi Province'],
    ['610000', 'Shaanxi Province'],
    ['141100', 'Lüliang City'],
    ['420528', 'Changyang Tujia Autonomous County'],
    ['622927', 'Jishishan Bonan, Dongxiang and Salar Autonomous County'],
    ['450328', 'Longsheng Multi-ethnic Autonomous County'],
    ['150723', 'Oroqen Autonomous Banner'],
    ['152900', 'Alxa League'],
    ['450000', 'Guangxi Zhuang Autonomous Region'],
    ['810302', 'Tai Po District'],
    ['320571', 'Suzhou Industrial Park'],
    ['130107', 'Jingxing Mining District'],
  ])('%s is %s', (code, name) => {
    expect(en[code]).toBe(name);
  });
});
