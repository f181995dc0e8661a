import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * Every text the pages show in Chinese has its English, and the other way round: a missing English
 * key falls back to Chinese silently, so an English page would show Chinese without anyone noticing.
 * The dictionaries are the pages' own ES modules, read here by a separate Node with the browser's
 * globals stubbed.
 */
const STATIC = join(__dirname, '..', 'static');
/** Every dictionary beside the base one, found by name so that a new one is never left out. */
const DICTIONARIES = readdirSync(STATIC).filter((f) => /^i18n-.+\.js$/.test(f));

function keysOf(): Record<string, { zh: string[]; en: string[] }> {
  // i18n.js keeps its two base dictionaries to itself: a copy of its text exports them.
  const base = `${readFileSync(join(STATIC, 'i18n.js'), 'utf8').replaceAll("from './", `from '${pathToFileURL(STATIC).href}/`)}\nexport { zh as ZH, en as EN };`;
  const script = `
    globalThis.localStorage = { getItem: () => null, setItem() {} };
    globalThis.document = { documentElement: {} };
    globalThis.location = { href: 'http://localhost/' };
    globalThis.history = { replaceState() {} };
    const flat = (o, p = '') => Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' ? flat(v, p + k + '.') : [p + k]));
    const out = {};
    const { ZH, EN } = await import('data:text/javascript,' + encodeURIComponent(${JSON.stringify(base)}));
    out['i18n.js'] = { zh: flat(ZH), en: flat(EN) };
    for (const file of ${JSON.stringify(DICTIONARIES)}) {
      const mod = await import(${JSON.stringify(pathToFileURL(STATIC).href)} + '/' + file);
      const texts = Object.values(mod).find((v) => v && v.zh && v.en);
      out[file] = { zh: flat(texts.zh), en: flat(texts.en) };
    }
    console.log(JSON.stringify(out));`;
  return JSON.parse(execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' })) as Record<
    string,
    { zh: string[]; en: string[] }
  >;
}

describe('the pages’ dictionaries', () => {
  const dictionaries = keysOf();

  it('are all read', () => {
    expect(Object.keys(dictionaries).sort()).toEqual(['i18n.js', ...DICTIONARIES].sort());
    expect(dictionaries['i18n.js'].zh.length).toBeGreaterThan(500);
  });

  it.each(['i18n.js', ...DICTIONARIES])('%s gives every Chinese text its English and no English text without its Chinese', (file) => {
    const { zh, en } = dictionaries[file];
    // English singulars (`key.one`) and English names of the platforms' own Chinese values have no Chinese twin.
    const englishOnly = en.filter((k) => !zh.includes(k) && !k.endsWith('.one') && !/[\u4e00-\u9fff]/.test(k));
    expect({ file, missingEnglish: zh.filter((k) => !en.includes(k)), englishOnly }).toEqual({ file, missingEnglish: [], englishOnly: [] });
  });
});
