import type { Browser, Page } from 'playwright-core';
import { CHROMIUM } from './suite-process.harness';
import { createRoleAccounts, routeSuiteTo, startFakeSuite, startWeb, TEST_PASSWORD, type FakeSuite, type WebHarness } from './web-app.harness';

export interface SignInOptions {
  width?: number;
  lang?: 'zh' | 'en';
  bypassCSP?: boolean;
  /** The browser's time zone (a laptop set to another zone), else the machine's. */
  timezoneId?: string;
}

/** The real web app and its pages in Chromium, in front of a fake suite that answers `answers`. */
export interface FakePages {
  web: WebHarness;
  fake: FakeSuite;
  browser: Browser;
  /** A new page signed in as one of createRoleAccounts' accounts, once its header shows. */
  signIn(username: string, options?: SignInOptions): Promise<Page>;
  close(): Promise<void>;
}

export async function startFakePages(answers: Record<string, unknown>): Promise<FakePages> {
  const web = await startWeb();
  await createRoleAccounts(web.app);
  const fake = await startFakeSuite({}, answers);
  routeSuiteTo(fake.port);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return {
    web,
    fake,
    browser,
    signIn: (username, options) => signInPage(browser, web.baseUrl, username, options),
    close: async () => {
      await browser.close();
      await fake.close();
      await web.close();
    },
  };
}

/** A new page of the web app at `baseUrl`, signed in as one of createRoleAccounts' accounts, once its header shows. */
export async function signInPage(browser: Browser, baseUrl: string, username: string, options: SignInOptions = {}): Promise<Page> {
  const { width = 1360, lang, bypassCSP = false, timezoneId } = options;
  const page = await browser.newPage({ viewport: { width, height: 900 }, bypassCSP, timezoneId });
  if (lang) await page.addInitScript((l) => localStorage.setItem('tp.lang', l), lang);
  await page.goto(`${baseUrl}/`);
  await page.waitForSelector('#login-form');
  await page.fill('input[name=username]', username);
  await page.fill('input[name=password]', TEST_PASSWORD);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#sign-out');
  return page;
}

/** Waits until the page has nothing loading or running. */
export async function settle(page: Page): Promise<void> {
  await page.waitForFunction(() => !document.querySelector('[data-state="loading"], [data-progress="running"]'), undefined, { timeout: 30_000 });
}

/**
 * A request for the calendar's list of visits, not for the count of past visits still without results
 * that the calendar also asks for as it opens (that one asks for scheduled visits only).
 */
export function isVisitList(url: string): boolean {
  return url.includes('/api/visits?') && new URL(url, 'http://x').searchParams.get('status') !== 'scheduled';
}

/**
 * What the fake suite answers for oversight's record page holding one entry of `kind` whose event was `data`
 * (with its `at`), and nothing waiting in the review queue.
 */
export function recordPageAnswers(seq: number, kind: string, subjectRef: string, data: { at: string }): Record<string, unknown> {
  const body = { kind, data };
  const entry = {
    seq,
    kind,
    subjectRef,
    recordedAt: data.at,
    prevHash: '0'.repeat(64),
    leafHash: 'f'.repeat(64),
    bodyJson: JSON.stringify(body),
    body,
    bodyArchivedIn: null,
  };
  return {
    'GET /api/audit/entries': [entry],
    'GET /api/audit/checkpoints/latest': null,
    'GET /api/reviews/summary': { pendingConfirmations: 0, appeals: { filed: 0, 'in-review': 0, overdue: 0 } },
  };
}
