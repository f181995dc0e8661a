import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';

/** axe-core, the open accessibility engine, as the page will run it (evaluated, so the page's CSP does not block it). */
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** WCAG 2.0–2.2 levels A and AA, and axe's best practices (headings in order, named tables, landmarks). */
const RULE_SETS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

interface AxeResult {
  violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
}

/** What axe finds wrong on the page as it stands, one line a rule, naming up to three of the elements. */
export async function axeViolations(page: Page): Promise<string[]> {
  // Two frames: what the page does after a frame (a scrolling box made focusable) is done before axe looks.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
  await page.evaluate(AXE_SOURCE);
  const result = await page.evaluate(
    (runOnly) => (window as unknown as { axe: { run: (context: Document, options: object) => Promise<AxeResult> } }).axe.run(document, { runOnly }),
    RULE_SETS,
  );
  return result.violations.map(
    (v) =>
      `[${v.impact}] ${v.id}: ${v.help} — ${v.nodes
        .slice(0, 3)
        .map((n) => n.target.join(' '))
        .join('; ')}`,
  );
}
