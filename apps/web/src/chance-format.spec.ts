import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

/**
 * How the enterprise's pages word its chance of a finding (fmtChance in the pages' i18n.js), read by a separate
 * Node with the browser's globals stubbed, in Chinese (the pages' default).
 */
function chances(cases: [number, { yellow: number; red: number } | undefined][]): string[] {
  const script = `
    globalThis.localStorage = { getItem: () => null, setItem() {} };
    globalThis.document = { documentElement: {} };
    globalThis.location = { href: 'http://localhost/' };
    globalThis.history = { replaceState() {} };
    const { fmtChance } = await import(${JSON.stringify(pathToFileURL(join(__dirname, '..', 'static', 'i18n.js')).href)});
    console.log(JSON.stringify(${JSON.stringify(cases)}.map(([p, cuts]) => fmtChance(p, cuts ?? undefined))));`;
  return JSON.parse(execFileSync(process.execPath, ['--no-warnings', '--input-type=module', '-e', script], { encoding: 'utf8' })) as string[];
}

describe('the chance of a finding, as the enterprise reads it', () => {
  const cuts = { yellow: 0.2, red: 0.4 };

  it('is a whole percent away from the colour thresholds', () => {
    expect(
      chances([
        [0.523, cuts],
        [0.523, undefined],
        [0.184, cuts],
      ]),
    ).toEqual(['约 52%', '约 52%', '约 18%']);
  });

  it('shows a tenth where the whole percent is a threshold’s, so the two sides of it read apart', () => {
    expect(
      chances([
        [0.402, cuts],
        [0.396, cuts],
        [0.204, cuts],
        [0.402, undefined],
      ]),
    ).toEqual(['约 40.2%', '约 39.6%', '约 20.4%', '约 40%']);
  });
});
