import { join } from 'node:path';
import { recordPageAnswers, startFakePages, settle, type FakePages } from './fake-pages.harness';
import { describeWithBrowser, SCREENSHOTS } from './suite-process.harness';
import { OWN_CODE, QueryAnswer, StatusAnswer, TEST_PASSWORD } from './web-app.harness';
import { AccountsService } from '../../../apps/web/src/accounts/accounts.service';

const OFFICER = '44060400001';
const VISIT = { id: '0b6c8a55-5f0e-4d7e-9a7a-0000000c0f12', number: 'TP-2026-000321', date: '2026-12-09' };

/** Dispatch's answer to a random replacement of OFFICER on VISIT (on `date`), as its event also carries it. */
const teamChanged = (date: string) => ({
  changeId: 'c-1',
  visitId: VISIT.id,
  visitNo: VISIT.number,
  creditCode: OWN_CODE,
  date,
  officerOut: OFFICER,
  officerIn: '44060400007',
  officerIds: ['44060400007', '44060400009'],
  chosen: { how: 'random', seed: 'ab12', candidates: ['44060400005', '44060400007'] },
  actor: 'dispatcher',
  at: '2026-12-07T04:00:00.000Z',
});

/**
 * An officer declares a conflict of interest (回避) on the bureau's file of an enterprise, in a real
 * browser in front of a fake dispatch that keeps what the gateway forwards: the page says what the
 * declaration does, names the visit already scheduled that still sends the officer, and withdraws it.
 */
describeWithBrowser("an officer's conflict of interest on an enterprise file, in a real browser", () => {
  let pages: FakePages;
  /** Dispatch's declaration, as the last POST or DELETE forwarded to it left it. */
  const declared = () => {
    const acts = pages.fake.seen.filter((r) => r.url.startsWith('/api/conflicts') && r.method !== 'GET');
    const last = acts[acts.length - 1];
    if (last?.method !== 'POST') return [];
    const body = JSON.parse(last.body) as { officerId: string; creditCode: string; reason: string; actor: string };
    return [{ ...body, declaredBy: body.actor, declaredAt: '2026-12-07T04:00:00.000Z', scheduledVisits: [VISIT] }];
  };
  const answers: Record<string, unknown> = {
    [`GET /api/enterprises/${OWN_CODE}`]: { subject: { creditCode: OWN_CODE, name: '佛山市示例家具有限公司', regionCode: '440605' }, cases: [], clues: [] },
    [`GET /api/scores/${OWN_CODE}`]: new StatusAnswer(404, { statusCode: 404, message: 'no score' }),
    [`GET /api/reviews/enterprises/${OWN_CODE}`]: new StatusAnswer(404, { statusCode: 404, message: 'no review' }),
    'GET /api/visits': [],
    'GET /api/checklist-items': [],
    'GET /api/enterprises': [{ creditCode: OWN_CODE, name: '佛山市示例家具有限公司', regionCode: '440605' }],
    'GET /api/draws': [],
    'GET /api/plans': [],
    'GET /api/conflicts': new QueryAnswer(() => declared()),
    'POST /api/conflicts': { declared: true },
    [`DELETE /api/conflicts/${OFFICER}/${OWN_CODE}`]: { declared: false },
  };

  beforeAll(async () => {
    pages = await startFakePages(answers);
    await pages.web.app.get(AccountsService).create({ username: 'bound', password: TEST_PASSWORD, role: 'department', department: 'SAMR', officerId: OFFICER });
  }, 60_000);
  afterAll(() => pages?.close());

  it.each([
    ['zh', '下一次抽取起', '您已声明回避', '配偶在该企业任职'],
    ['en', 'from the next one on', 'You declared a conflict', 'My spouse works here'],
  ])('declares with a reason, shows it and the visit still scheduled, and withdraws it (%s)', async (lang, lead, done, reason) => {
    const page = await pages.signIn('bound', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/enterprises/${OWN_CODE}`);
    await page.waitForSelector('[data-conflict-declare]');
    const card = 'main .card:has([data-testid=conflict])';
    expect(await page.innerText(card)).toContain(lead);

    // A blank reason is not sent.
    const before = pages.fake.seen.length;
    await page.fill('[data-testid=conflict] textarea[name=reason]', '   ');
    await page.click('[data-conflict-declare]');
    await page.waitForSelector(`${card} .notice.bad`);
    expect(pages.fake.seen.slice(before).some((r) => r.method === 'POST')).toBe(false);

    await page.fill('[data-testid=conflict] textarea[name=reason]', reason);
    await page.click('[data-conflict-declare]');
    await page.waitForSelector('[data-conflict-declared]');
    await settle(page);
    const shown = await page.innerText(card);
    expect(shown).toContain(done);
    expect(shown).toContain(reason);
    expect(await page.innerText('[data-conflict-scheduled]')).toContain(VISIT.number);
    // The page sends no officer: the gateway put in the account's own number and name.
    const posted = pages.fake.seen.filter((r) => r.method === 'POST' && r.url === '/api/conflicts').pop()!;
    expect(JSON.parse(posted.body)).toEqual({ creditCode: OWN_CODE, reason, actor: 'bound', officerId: OFFICER });
    await page.screenshot({ path: join(SCREENSHOTS, `officer-conflict-declared-${lang}.png`), fullPage: true });

    await page.click('[data-conflict-withdraw]');
    await page.waitForSelector('[data-conflict-declare]');
    expect(pages.fake.seen.some((r) => r.method === 'DELETE' && r.url === `/api/conflicts/${OFFICER}/${OWN_CODE}`)).toBe(true);
    await page.close();
  });

  it.each([
    ['dispatcher', 'zh', '执法人员回避声明'],
    ['overseer', 'en', "Officers' declared conflicts of interest"],
  ])('lists every declaration on the plans page: reasons and withdrawal for the dispatcher only (%s, %s)', async (who, lang, title) => {
    const reason = '配偶在该企业任职';
    const listed = [
      { officerId: OFFICER, creditCode: OWN_CODE, reason, declaredBy: 'bound', declaredAt: '2026-12-07T04:00:00.000Z', scheduledVisits: [VISIT] },
    ];
    answers['GET /api/conflicts'] = listed;
    const page = await pages.signIn(who === 'overseer' ? 'overseer' : 'dispatcher', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/plans`);
    await page.waitForSelector(`[data-testid=conflicts] a[href="#/enterprises/${OWN_CODE}"]`);
    await settle(page);
    const shown = await page.innerText('main .card:has([data-testid=conflicts])');
    for (const text of [title, OFFICER, '佛山市示例家具有限公司', VISIT.number]) expect(shown).toContain(text);
    if (who === 'overseer') {
      // The gateway removed the reason: oversight sees the declaration, not the relative it may name.
      expect(shown).not.toContain(reason);
      expect(await page.$('[data-conflict-withdraw]')).toBeNull();
    } else {
      expect(shown).toContain(reason);
      const before = pages.fake.seen.length;
      await page.click(`[data-conflict-withdraw="${OFFICER}/${OWN_CODE}"]`);
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'DELETE'), page.click('[data-confirm-yes]')]);
      expect(pages.fake.seen.slice(before).some((r) => r.method === 'DELETE' && r.url === `/api/conflicts/${OFFICER}/${OWN_CODE}`)).toBe(true);
    }
    await page.close();
  });

  it.each([
    ['zh', '更换执法人员', '所选人员已申报与该企业回避', '已从 2 名候选人员中随机抽取'],
    ['en', 'Replace an officer', 'declared a conflict of interest with this enterprise', 'drawn at random among 2 candidates'],
  ])(
    'moves a visit still scheduled to another officer from the conflicts list: refusals beside the form, then a random draw (%s)',
    async (lang, title, refused, drawn) => {
      const tomorrow = new Date(Date.now() + 8 * 3600_000 + 86_400_000).toISOString().slice(0, 10);
      const visitPath = `/api/visits/${VISIT.id}`;
      answers['GET /api/conflicts'] = [
        {
          officerId: OFFICER,
          creditCode: OWN_CODE,
          reason: '配偶在该企业任职',
          declaredBy: 'bound',
          declaredAt: '2026-12-07T04:00:00.000Z',
          scheduledVisits: [{ ...VISIT, date: tomorrow }],
        },
      ];
      answers[`GET ${visitPath}`] = {
        id: VISIT.id,
        visitNo: VISIT.number,
        drawId: '0b6c8a55-5f0e-4d7e-9a7a-0000000d0a01',
        date: tomorrow,
        regionCode: '440605',
        creditCode: OWN_CODE,
        officerIds: ['44060400009', OFFICER],
        departments: ['SAMR'],
        reasons: ['random'],
        exploration: false,
        routeKey: 'r-1',
        routeOrder: 0,
        noticeAllowed: false,
        status: 'scheduled',
        checklist: [{ department: 'SAMR', items: ['SAMR-01'] }],
        clueIds: [],
        results: null,
        recordedAt: null,
        rating: null,
        route: { date: tomorrow, officerIds: ['44060400009', OFFICER], distanceKm: 0, visitIds: [VISIT.id], creditCodes: [OWN_CODE] },
      };
      const candidates = [
        { officerId: '44060400005', department: 'SAMR', visitsThatDay: 0, dailyCapacity: 4, local: true },
        { officerId: '44060400007', department: 'SAMR', visitsThatDay: 2, dailyCapacity: 4, local: false },
      ];
      answers[`GET ${visitPath}/replacements`] = new QueryAnswer((q) => ({ officerOut: q.get('officer'), candidates }));
      answers[`GET ${visitPath}/team-changes`] = [];
      answers[`POST ${visitPath}/team-changes`] = new StatusAnswer(409, {
        statusCode: 409,
        code: 'declared_conflict',
        message: 'officer 44060400005 declared a conflict',
      });
      const page = await pages.signIn('dispatcher', { lang: lang as 'zh' | 'en' });
      await page.goto(`${pages.web.baseUrl}/#/plans`);
      await page.click(`[data-team-replace="${VISIT.id}"]`);
      await page.waitForSelector('[data-team-pick="44060400005"]');
      await settle(page);
      expect(await page.innerText('main .card:has([data-testid=team-change])')).toContain(title);
      // The officer named in the declaration is the one preselected to leave; the candidates are asked for that officer.
      expect(await page.inputValue('[data-testid=team-change] select[name=officerOut]')).toBe(OFFICER);
      expect(pages.fake.seen.some((r) => r.url === `${visitPath}/replacements?officer=${OFFICER}`)).toBe(true);

      // No reason, nothing sent; a refusal is said beside the form, in the page's language.
      const before = pages.fake.seen.length;
      await page.click('[data-team-pick="44060400005"]');
      await page.click('[data-team-send=picked]');
      await page.waitForSelector('[data-testid=team-change] .notice.bad');
      expect(pages.fake.seen.slice(before).some((r) => r.method === 'POST')).toBe(false);
      await page.fill('[data-testid=team-change] textarea[name=reason]', '原执法人员已申报回避');
      await page.click('[data-team-send=picked]');
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('[data-confirm-yes]')]);
      await page.waitForSelector('[data-team-error]');
      expect(await page.innerText('[data-team-error]')).toContain(refused);

      answers[`POST ${visitPath}/team-changes`] = teamChanged(tomorrow);
      answers[`GET ${visitPath}/team-changes`] = [
        {
          id: 'c-1',
          visitId: VISIT.id,
          officerOut: OFFICER,
          officerIn: '44060400007',
          chosen: 'random',
          seed: 'ab12',
          reason: '原执法人员已申报回避',
          actor: 'dispatcher',
          changedAt: '2026-12-07T04:00:00.000Z',
        },
      ];
      await page.click('[data-team-send=random]');
      await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST'), page.click('[data-confirm-yes]')]);
      await page.waitForSelector('[data-team-changed] .notice.ok');
      expect(await page.innerText('[data-team-changed]')).toContain(drawn);
      // The visit read again: the change listed with its reason, the form folded away until asked for.
      await page.waitForSelector('[data-team-change="c-1"]');
      expect(await page.innerText('[data-team-change="c-1"]')).toMatch(
        lang === 'zh' ? /44060400007.*随机抽取[\s\S]*原执法人员已申报回避/ : /44060400007 \(drawn at random by dispatcher\)[\s\S]*原执法人员已申报回避/,
      );
      expect(await page.$('[data-testid=team-change]')).toBeNull();
      await page.click('[data-team-open]');
      await page.waitForSelector('[data-testid=team-change] [data-team-pick]');
      const posted = pages.fake.seen.filter((r) => r.method === 'POST' && r.url === `${visitPath}/team-changes`).pop()!;
      expect(JSON.parse(posted.body)).toEqual({ officerOut: OFFICER, how: 'random', reason: '原执法人员已申报回避', actor: 'dispatcher' });
      await page.screenshot({ path: join(SCREENSHOTS, `team-change-${lang}.png`), fullPage: true });

      // No one may come: the page says how many officers each rule keeps out, the most first.
      answers[`GET ${visitPath}/replacements`] = new QueryAnswer((q) => ({
        officerOut: q.get('officer'),
        candidates: [],
        excluded: { officer_absent: 2, departments_uncovered: 5 },
      }));
      await page.dispatchEvent('[data-testid=team-change] select[name=officerOut]', 'change');
      await page.waitForSelector('[data-no-candidates] [data-excluded]');
      const kept = await page.$$eval('[data-no-candidates] [data-excluded]', (items) => items.map((i) => i.getAttribute('data-excluded')));
      expect(kept).toEqual(['departments_uncovered', 'officer_absent']);
      expect(await page.innerText('[data-excluded="departments_uncovered"]')).toContain(lang === 'zh' ? '5 人' : '5 would leave');
      await page.close();
    },
  );

  it.each([
    ['zh', 'TP-2026-000321（2026-12-09）：44060400001 换为 44060400007，由 dispatcher 操作', '从 2 名符合条件的人员中随机抽取（种子 ab12）'],
    ['en', 'TP-2026-000321 (2026-12-09): 44060400001 replaced by 44060400007, by dispatcher', 'Drawn at random among 2 eligible officers (seed ab12)'],
  ])("shows oversight, in the record, which visit's team changed, who for whom and how chosen (%s)", async (lang, change, how) => {
    Object.assign(answers, recordPageAnswers(7, 'visit-team-change', OWN_CODE, teamChanged(VISIT.date)));
    const page = await pages.signIn('overseer', { lang: lang as 'zh' | 'en' });
    await page.goto(`${pages.web.baseUrl}/#/audit`);
    await page.waitForSelector(`#audit-table [data-team-change="${VISIT.number}"]`);
    const note = await page.innerText(`#audit-table [data-team-change="${VISIT.number}"]`);
    expect(note).toContain(change);
    expect(note).toContain(how);
    await page.close();
  });
});
