import { customPinyin, pinyin } from 'pinyin-pro';

/**
 * English names of China's administrative divisions, for the English pages: the specific name in
 * Hanyu Pinyin written as one word (GB/T 16159: 西安 Xi'an, 吕梁 Lüliang), the generic translated
 * (区 District, 县 County, 自治县 Autonomous County …). A one-syllable specific keeps its generic
 * in Pinyin too, as the place-name rules have it (歙县 Shexian County, 城区 Chengqu District).
 */

/**
 * Characters that place names read otherwise than everyday words, as the gazetteers of the Ministry
 * of Civil Affairs write them: without these the converter says 乐亭 "Leting" for Laoting, 单县
 * "Danxian" for Shanxian, 喀什 "Kashen" for Kashi.
 */
const PLACE_READINGS: Record<string, string> = {
  乐亭: 'lao ting',
  乐清: 'yue qing',
  乐都: 'le du',
  郫都: 'pi du',
  大埔: 'da bu',
  涡阳: 'guo yang',
  单县: 'shan xian',
  浚县: 'xun xian',
  蔚县: 'yu xian',
  洪洞: 'hong tong',
  歙县: 'she xian',
  喀什: 'ka shi',
  蚌山: 'beng shan',
  泌阳: 'bi yang',
  黄陂: 'huang pi',
  繁峙: 'fan shi',
  长葛: 'chang ge',
  六合: 'lu he',
  六安: 'lu an',
  蚌埠: 'beng bu',
  番禺: 'pan yu',
  铅山: 'yan shan',
  犍为: 'qian wei',
  枞阳: 'zong yang',
  尉氏: 'wei shi',
  莘县: 'shen xian',
  冠县: 'guan xian',
  盱眙: 'xu yi',
  亳州: 'bo zhou',
  东阿: 'dong e',
  柏乡: 'bai xiang',
  井陉: 'jing xing',
  荥阳: 'xing yang',
  荥经: 'ying jing',
  茌平: 'chi ping',
  鄞州: 'yin zhou',
  邗江: 'han jiang',
  台州: 'tai zhou',
  天台: 'tian tai',
  台山: 'tai shan',
  丽水: 'li shui',
  曲阜: 'qu fu',
  曲靖: 'qu jing',
  会理: 'hui li',
  会东: 'hui dong',
  会泽: 'hui ze',
  // 都 names a capital in place names (成都, 花都, 都安, 三都), never "all".
  都: 'du',
};

/**
 * Names whose English is not their Pinyin: the established English of provinces and regions (陕西
 * Shaanxi beside 山西 Shanxi), the minority-language names of regional capitals, and Hong Kong's and
 * Macao's own English names.
 */
const ESTABLISHED: Record<string, string> = {
  '140000': 'Shanxi Province',
  '150000': 'Inner Mongolia Autonomous Region',
  '230100': 'Harbin City',
  '540000': 'Xizang Autonomous Region',
  '540100': 'Lhasa City',
  '610000': 'Shaanxi Province',
  '650000': 'Xinjiang Uygur Autonomous Region',
  '650100': 'Urumqi City',
  '150100': 'Hohhot City',
  '152200': 'Hinggan League',
  '152500': 'Xilingol League',
  '152900': 'Alxa League',
  '419000': 'County-level divisions under the province',
  '429000': 'County-level divisions under the province',
  '469000': 'County-level divisions under the province',
  '659000': 'County-level divisions under the autonomous region',
  '620201': 'City districts',
  '710000': 'Taiwan Province',
  '810000': 'Hong Kong Special Administrative Region',
  '810100': 'Hong Kong Island',
  '810101': 'Central and Western District',
  '810102': 'Wan Chai District',
  '810103': 'Eastern District',
  '810104': 'Southern District',
  '810200': 'Kowloon',
  '810201': 'Kowloon City District',
  '810202': 'Yau Tsim Mong District',
  '810203': 'Sham Shui Po District',
  '810204': 'Wong Tai Sin District',
  '810205': 'Kwun Tong District',
  '810300': 'New Territories',
  '810301': 'North District',
  '810302': 'Tai Po District',
  '810303': 'Sha Tin District',
  '810304': 'Sai Kung District',
  '810305': 'Yuen Long District',
  '810306': 'Tuen Mun District',
  '810307': 'Tsuen Wan District',
  '810308': 'Kwai Tsing District',
  '810309': 'Islands District',
  '820000': 'Macao Special Administrative Region',
  '820100': 'Macao Peninsula',
  '820102': 'Our Lady of Fatima Parish',
  '820103': 'St. Anthony Parish',
  '820104': 'St. Lazarus Parish',
  '820105': 'Cathedral Parish',
  '820106': 'St. Lawrence Parish',
  '820200': 'Islands',
  '820202': 'Our Lady of Carmel Parish',
  '820203': 'Cotai',
  '820204': 'St. Francis Xavier Parish',
};

/**
 * Development zones and the like, which the data lists among districts: their names run a city's
 * name into the zone's own (唐山高新技术产业开发区), so the specific is cut into known names.
 */
const ZONES: [string, string][] = [
  ['高新技术产业开发区', 'High-tech Industrial Development Zone'],
  ['高技术产业开发区', 'High-tech Industrial Development Zone'],
  ['高新技术产业园区', 'High-tech Industrial Park'],
  ['城乡一体化示范区', 'Urban-Rural Integration Demonstration Zone'],
  ['经济技术开发区', 'Economic and Technological Development Zone'],
  ['高新技术开发区', 'High-tech Development Zone'],
  ['经济综合实验区', 'Comprehensive Economic Experimental Zone'],
  ['现代产业园区', 'Modern Industrial Park'],
  ['经济开发区', 'Economic Development Zone'],
  ['化工园区', 'Chemical Industrial Park'],
  ['工业园区', 'Industrial Park'],
  ['产业园区', 'Industrial Park'],
  ['开发区', 'Development Zone'],
  ['示范区', 'Demonstration Zone'],
  ['管理区', 'Administrative Zone'],
  ['矿区', 'Mining District'],
  ['新城', 'New Town'],
];

/** Generics, longest first so 自治县 is not read as 县. */
const GENERICS: [string, string][] = [
  ['特别行政区', 'Special Administrative Region'],
  ['街道办事处', 'Subdistrict'],
  ['行政委员会', 'Administrative Committee'],
  ['自治区', 'Autonomous Region'],
  ['自治州', 'Autonomous Prefecture'],
  ['自治县', 'Autonomous County'],
  ['自治旗', 'Autonomous Banner'],
  ['管委会', 'Administrative Committee'],
  ['林区', 'Forestry District'],
  ['新区', 'New Area'],
  ['特区', 'Special District'],
  ['地区', 'Prefecture'],
  ['街道', 'Subdistrict'],
  ['省', 'Province'],
  ['市', 'City'],
  ['区', 'District'],
  ['县', 'County'],
  ['旗', 'Banner'],
  ['盟', 'League'],
  ['镇', 'Town'],
  ['乡', 'Township'],
];

/** The peoples autonomous divisions are named for, by their official English names. */
const PEOPLES: Record<string, string> = {
  壮: 'Zhuang',
  回: 'Hui',
  维吾尔: 'Uygur',
  蒙古: 'Mongol',
  藏: 'Tibetan',
  苗: 'Miao',
  彝: 'Yi',
  土家: 'Tujia',
  布依: 'Bouyei',
  侗: 'Dong',
  瑶: 'Yao',
  朝鲜: 'Korean',
  白: 'Bai',
  哈尼: 'Hani',
  哈萨克: 'Kazak',
  黎: 'Li',
  傣: 'Dai',
  畲: 'She',
  傈僳: 'Lisu',
  仡佬: 'Gelao',
  东乡: 'Dongxiang',
  拉祜: 'Lahu',
  水: 'Sui',
  佤: 'Va',
  纳西: 'Naxi',
  羌: 'Qiang',
  土: 'Tu',
  仫佬: 'Mulao',
  锡伯: 'Xibe',
  柯尔克孜: 'Kirgiz',
  达斡尔: 'Daur',
  景颇: 'Jingpo',
  毛南: 'Maonan',
  撒拉: 'Salar',
  布朗: 'Blang',
  塔吉克: 'Tajik',
  阿昌: 'Achang',
  普米: 'Pumi',
  鄂温克: 'Ewenki',
  怒: 'Nu',
  京: 'Gin',
  基诺: 'Jino',
  德昂: "De'ang",
  保安: 'Bonan',
  俄罗斯: 'Russian',
  裕固: 'Yugur',
  乌孜别克: 'Uzbek',
  门巴: 'Monba',
  鄂伦春: 'Oroqen',
  独龙: 'Derung',
  塔塔尔: 'Tatar',
  赫哲: 'Hezhen',
  珞巴: 'Lhoba',
  满: 'Manchu',
  各: 'Multi-ethnic',
};
/** Peoples named without 族 in some divisions' names (博尔塔拉蒙古自治州, 伊犁哈萨克自治州). */
const NAMED_WITHOUT_ZU = ['维吾尔', '哈萨克', '柯尔克孜', '蒙古', '鄂伦春', '塔吉克', '锡伯'];

/** Single-character directional districts are translated, not transcribed (台南 东区 East District). */
const DIRECTIONS: Record<string, string> = { 东: 'East', 西: 'West', 南: 'South', 北: 'North', 中: 'Central' };

let readingsAdded = false;

/** One word of Pinyin without tones, with an apostrophe before a syllable that starts with a, o or e. */
function pinyinWord(text: string): string {
  if (!readingsAdded) {
    customPinyin(PLACE_READINGS);
    readingsAdded = true;
  }
  const syllables = pinyin(text, { toneType: 'none', type: 'array', v: false, nonZh: 'consecutive' }).filter(Boolean);
  const word = syllables.map((s, i) => (i > 0 && /^[aoe]/.test(s) ? `'${s}` : s)).join('');
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** The peoples at the end of an autonomous division's specific name, taken off it: 积石山保安族东乡族撒拉族 → 积石山, [Bonan, Dongxiang, Salar]. */
function takePeoples(specific: string): [string, string[]] {
  const peoples: string[] = [];
  let rest = specific;
  const names = Object.keys(PEOPLES).sort((a, b) => b.length - a.length);
  for (;;) {
    const found = names.find((p) => rest.endsWith(`${p}族`) || (NAMED_WITHOUT_ZU.includes(p) && rest.endsWith(p)));
    if (!found) break;
    rest = rest.slice(0, rest.length - found.length - (rest.endsWith(`${found}族`) ? 1 : 0));
    peoples.unshift(PEOPLES[found]);
  }
  return [rest, peoples];
}

function listed(words: string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** The known names a zone's specific begins with, each its own word: 河北唐山海港 → Hebei Tangshan Haigang. */
function zoneWords(specific: string, known: ReadonlySet<string>): string {
  const words: string[] = [];
  let rest = '';
  for (let i = 0; i < specific.length;) {
    const hit = [4, 3, 2].map((n) => specific.slice(i, i + n)).find((w) => w.length > 1 && known.has(w));
    if (!hit) {
      rest += specific[i++];
      continue;
    }
    if (rest) words.push(pinyinWord(rest));
    rest = '';
    words.push(pinyinWord(hit));
    i += hit.length;
    if (specific[i] === '市') i += 1;
  }
  if (rest) words.push(pinyinWord(rest));
  return words.join(' ');
}

/** A division's English name from its code and Chinese name; `known` are the specific names of all divisions, to cut zones' names by. */
export function englishRegionName(code: string, name: string, known: ReadonlySet<string> = new Set()): string {
  if (ESTABLISHED[code]) return ESTABLISHED[code];
  const zone = ZONES.find(([zh]) => name.endsWith(zh));
  if (zone && !(zone[0] === '矿区' && name.length === 2)) {
    const specific = name.slice(0, name.length - zone[0].length);
    return [zoneWords(specific, known), zone[1]].filter(Boolean).join(' ');
  }
  const generic = GENERICS.find(([zh]) => name.endsWith(zh) && name.length > zh.length);
  if (!generic) return pinyinWord(name);
  const [zh, en] = generic;
  let specific = name.slice(0, name.length - zh.length);
  let peoples: string[] = [];
  if (zh.startsWith('自治')) [specific, peoples] = takePeoples(specific);
  // The four municipalities directly under the central government are provinces' peers, not cities.
  const english = zh === '市' && code.endsWith('0000') ? 'Municipality' : en;
  if (specific.length === 1 && zh === '区' && DIRECTIONS[specific]) return `${DIRECTIONS[specific]} District`;
  // One syllable is too short to stand alone: the generic joins it in Pinyin (歙县 Shexian County).
  const head = specific.length === 1 && zh.length === 1 ? pinyinWord(name) : pinyinWord(specific);
  return [head, listed(peoples), english].filter(Boolean).join(' ');
}

/** English names by code for every division `names` holds. */
export function englishRegionNames(names: Record<string, string>): Record<string, string> {
  const known = new Set<string>();
  for (const name of Object.values(names)) {
    const generic = GENERICS.find(([zh]) => name.endsWith(zh) && name.length > zh.length + 1);
    if (generic) known.add(name.slice(0, name.length - generic[0].length));
  }
  const out: Record<string, string> = {};
  for (const [code, name] of Object.entries(names)) out[code] = englishRegionName(code, name, known);
  return out;
}
