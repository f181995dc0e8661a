import type { Browser, Page } from 'playwright-core';
import { startIntake, type IntakeHarness } from '../intake/intake-app.harness';
import { settle } from './fake-pages.harness';
import { CHROMIUM } from './suite-process.harness';
import { createRoleAccounts, routeSuiteTo, startWeb, TEST_PASSWORD, type WebHarness } from './web-app.harness';

/** The real intake and web gateway, with Chromium in front: what the quarantine pages' tests drive. */
export interface IntakePages {
  intake: IntakeHarness;
  web: WebHarness;
  browser: Browser;
  close: () => Promise<void>;
}

export async function startIntakePages(): Promise<IntakePages> {
  const intake = await startIntake();
  routeSuiteTo(1);
  process.env.PORT_INTAKE = new URL(intake.baseUrl).port;
  const web = await startWeb();
  await createRoleAccounts(web.app);
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox', '--disable-dev-shm-usage'] });
  return {
    intake,
    web,
    browser,
    close: async () => {
      await browser.close();
      await web.close();
      await intake.close();
      delete process.env.PORT_INTAKE;
    },
  };
}

/** A page signed in as the administrator, in `lang`, at `hash` once `ready` shows. */
export async function openAsAdmin(pages: IntakePages, hash: string, lang: 'zh' | 'en', ready: string): Promise<Page> {
  const page = await pages.browser.newPage({ viewport: { width: 1360, height: 900 } });
  await page.addInitScript((l) => localStorage.setItem('tp.lang', l), lang);
  await page.goto(`${pages.web.baseUrl}/`);
  await page.waitForSelector('#login-form');
  await page.fill('input[name=username]', 'admin');
  await page.fill('input[name=password]', TEST_PASSWORD);
  await page.click('#login-form button[type=submit]');
  await page.waitForSelector('#sign-out');
  await page.goto(`${pages.web.baseUrl}/#${hash}`);
  await page.waitForSelector(ready);
  await settle(page);
  return page;
}
