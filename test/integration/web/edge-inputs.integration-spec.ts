import { gzipSync } from 'node:zlib';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { creditCodeCheckChar } from '@tianping/common';
import { IntakeSubjects } from '@tianping/contracts';
import { clueAbout } from '../intake/intake-app.harness';
import { send, startEdgeSuite, suiteTables, type EdgeApp, type EdgeSuite } from './edge-inputs.harness';
import { OWN_CODE, signIn } from './web-app.harness';

const HEADER =
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间';
const subject = (code: string, name: string, address = '佛山市禅城区祖庙街道建新路18号首层', legalRep = '陈明') =>
  `${code},${name},2016-04-12,50,50,12,H6210,440604,${address},113.1102,23.0297,存续,否,0,${legalRep},440604198703150018,2024-05-06 10:12:00`;
const clue = (id: string, extra: Record<string, unknown> = {}) => clueAbout('91440604MA4UJ8K20C', id, extra);
const csvQuote = (text: string) => `"${text.replace(/"/g, '""')}"`;
const creditCode = (n: number) => {
  const first17 = `91440604MA4UJ${String(n).padStart(4, '0')}`;
  return first17 + creditCodeCheckChar(first17);
};

/** SQL an attacker would try in a text field: each must be stored (or refused) as plain data. */
const SQL = ["'; DROP TABLE intake.subjects; --", '1 OR 1=1', "x' OR '1'='1", '$$; DROP SCHEMA web CASCADE; $$', "'); DELETE FROM web.accounts WHERE ('a'='a"];

/** A POST route of each app that takes a JSON body, and one the web app answers itself. */
const JSON_ROUTES: [EdgeApp, string][] = [
  ['intake', '/api/clues'],
  ['dispatch', '/api/conflicts'],
  ['oversight', '/api/kill-switch/suspend'],
  ['web', '/api/auth/login'],
];

/** SQL that is also an acceptable password (letters and digits). */
const SQL_PASSWORD = "x'); DELETE FROM web.accounts WHERE ('1'='1";

const nested = (depth: number) => '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);

describe('inputs at the edges are refused with clear errors, never a crash', () => {
  let suite: EdgeSuite;
  let tablesBefore: string[];

  beforeAll(async () => {
    suite = await startEdgeSuite();
    tablesBefore = await suiteTables(suite.dataSource);
  }, 120_000);
  afterAll(() => suite?.close());

  describe('oversized bodies', () => {
    it.each(JSON_ROUTES)('%s %s: a 6 MB JSON body is refused with 413 and says the limit', async (app, path) => {
      const answer = await send(`${suite.urls[app]}${path}`, { body: JSON.stringify({ reason: 'x'.repeat(6 * 1024 * 1024) }), type: 'application/json' });
      expect(answer.status).toBe(413);
      expect(answer.body).toMatchObject({ statusCode: 413, code: 'entity.too.large' });
      expect(answer.body.message).toMatch(/larger than the 5 MiB allowed for application\/json/);
    });

    it('a JSON Lines upload over 50 MB is refused with 413', async () => {
      const line = `${JSON.stringify(clue('BIG'))}\n`;
      const answer = await send(`${suite.urls.intake}/api/clues`, {
        body: line.repeat(Math.ceil((51 * 1024 * 1024) / line.length)),
        type: 'application/x-ndjson',
      });
      expect(answer.status).toBe(413);
      expect(answer.body.message).toMatch(/larger than the 50 MiB/);
    });

    it('a small gzip body that inflates past the limit is refused with 413, not inflated into memory', async () => {
      const bomb = gzipSync(Buffer.from(`{"reason":"${'0'.repeat(20 * 1024 * 1024)}"}`));
      expect(bomb.length).toBeLessThan(100_000);
      const answer = await send(`${suite.urls.dispatch}/api/conflicts`, { body: bomb, type: 'application/json', headers: { 'content-encoding': 'gzip' } });
      expect(answer.status).toBe(413);
    });

    it('web: takes JSON bodies only, so no one makes it read tens of megabytes of CSV or text, nor post a plain form', async () => {
      for (const type of ['text/csv', 'text/plain', 'application/x-www-form-urlencoded']) {
        const answer = await send(`${suite.urls.web}/api/auth/login`, { body: 'x'.repeat(30 * 1024 * 1024), type });
        expect([type, answer.status, answer.body.code]).toEqual([type, 415, 'unsupported_media_type']);
      }
    });
  });

  describe('deeply nested JSON', () => {
    it.each(JSON_ROUTES)('%s %s: JSON nested 65 deep is refused with 400; 100,000 deep too, without a stack overflow', async (app, path) => {
      for (const body of [nested(65), '['.repeat(100_000) + ']'.repeat(100_000)]) {
        const answer = await send(`${suite.urls[app]}${path}`, { body, type: 'application/json' });
        expect(answer.status).toBe(400);
        expect(answer.body).toMatchObject({ statusCode: 400, code: 'entity.too.deep', message: 'the JSON is nested deeper than 64 levels' });
      }
    });

    it('a JSON Lines upload with one line nested too deep is refused; brackets inside strings do not count', async () => {
      const deep = await send(`${suite.urls.intake}/api/clues`, { body: `${JSON.stringify(clue('D-1'))}\n${nested(70)}\n`, type: 'application/x-ndjson' });
      expect(deep.status).toBe(400);
      const brackets = await send(`${suite.urls.intake}/api/clues`, {
        body: JSON.stringify(clue('D-2', { subject_name: '['.repeat(500) })),
        type: 'application/json',
      });
      expect(brackets.status).toBe(200);
      expect(brackets.body).toMatchObject({ read: 1, inserted: 1 });
    });

    it('JSON that is not an object where one is expected is a 400, not a 500', async () => {
      for (const body of ['[]', '"text"', 'null', '[[1,2],[3]]', '{"__proto__":{"admin":true}}']) {
        const answer = await send(`${suite.urls.dispatch}/api/conflicts`, { body, type: 'application/json' });
        expect(answer.status).toBe(400);
      }
    });
  });

  describe('a list where the API takes an object', () => {
    it('web: a JSON list is refused with 400 before it is forwarded, not made an object by the actor the gateway adds', async () => {
      const overseer = await signIn(suite.urls.web, 'overseer');
      const answer = await send(`${suite.urls.web}/api/audits/reports`, { body: '[]', type: 'application/json', cookie: overseer });
      expect({ status: answer.status, message: answer.body.message }).toEqual({ status: 400, message: 'the body must be a JSON object, not a list' });
      expect((await send(`${suite.urls.web}/api/audits/reports`, { cookie: overseer })).body).toEqual([]);
    });
  });

  describe('request lines too long to read', () => {
    it.each(JSON_ROUTES.map(([app]) => app))('%s: 1,001 codes in one GET are refused with 431 and a message saying to ask for fewer', async (app) => {
      const codes = Array.from({ length: 1001 }, (_, n) => creditCode(n)).join(',');
      const answer = await send(`${suite.urls[app]}/api/enterprises?codes=${codes}`);
      expect(answer.status).toBe(431);
      expect(answer.body).toMatchObject({ statusCode: 431, error: 'Request Header Fields Too Large' });
      expect(answer.body.message).toMatch(/larger than the 16 KB read: ask for fewer values at a time/);
    });
  });

  describe('invalid UTF-8', () => {
    const damaged = (text: string) => {
      const at = text.indexOf('食品');
      return Buffer.concat([Buffer.from(text.slice(0, at)), Buffer.from([0xc3, 0x28, 0xff]), Buffer.from(text.slice(at))]);
    };

    it.each(JSON_ROUTES)('%s %s: a JSON body with invalid UTF-8 is refused with 400, not read with replacement characters', async (app, path) => {
      const answer = await send(`${suite.urls[app]}${path}`, {
        body: damaged(JSON.stringify({ ...clue('U-1'), reason: '食品安全问题' })),
        type: 'application/json',
      });
      expect(answer.status).toBe(400);
      expect(answer.body).toMatchObject({ code: 'entity.invalid.utf8' });
      expect(answer.body.message).toMatch(/not valid UTF-8/);
    });

    it('a JSON Lines upload with invalid UTF-8 is refused with 400 and stores nothing', async () => {
      const answer = await send(`${suite.urls.intake}/api/clues`, {
        body: damaged(`${JSON.stringify(clue('U-2', { subject_name: '食品店' }))}\n`),
        type: 'application/x-ndjson',
      });
      expect(answer.status).toBe(400);
      expect(await suite.dataSource.query(`SELECT 1 FROM intake.clues WHERE clue_id = 'U-2'`)).toHaveLength(0);
    });

    it('a CSV export with invalid bytes in one row quarantines that row with its reason and keeps the others exact', async () => {
      const good = subject('91440604MA4UJ8K20C', '佛山市禅城区明记餐饮管理有限公司');
      const bad = subject('91440300MA5G9LQK22', '深圳市食品贸易有限公司');
      const body = Buffer.concat([Buffer.from(`${HEADER}\n${good}\n`), damaged(`${bad}\n`)]);
      const answer = await send(`${suite.urls.intake}/api/exports/subjects`, { body, type: 'text/csv' });
      expect(answer.status).toBe(200);
      expect(answer.body).toMatchObject({ read: 2, inserted: 1, quarantined: 1 });
      const [stored] = await suite.dataSource.query(`SELECT name FROM intake.subjects WHERE credit_code = '91440604MA4UJ8K20C'`);
      expect(stored.name).toBe('佛山市禅城区明记餐饮管理有限公司');
      const held = await suite.dataSource.query(`SELECT reasons FROM intake.quarantine WHERE source = 'http' AND reasons::text LIKE '%invalid_encoding%'`);
      expect(held).toHaveLength(1);
      expect(held[0].reasons).toEqual(expect.arrayContaining([expect.objectContaining({ field: 'name', code: 'invalid_encoding' })]));
      const altered = await suite.dataSource.query(
        `SELECT count(*)::int AS n FROM intake.subjects WHERE position(chr(65533) IN name || coalesce(address, '')) > 0`,
      );
      expect(altered[0].n).toBe(0);
    });

    it('a clue pushed over NATS with invalid UTF-8 is quarantined with its reason, not stored altered', async () => {
      const nc = await connect({ servers: suite.nats.url });
      await jetstream(nc).publish(IntakeSubjects.cluesPush, damaged(JSON.stringify(clue('U-NATS', { subject_name: '食品店' }))));
      await nc.close();
      let held: { reasons: { code: string }[] }[] = [];
      for (let i = 0; i < 100 && held.length === 0; i++) {
        await new Promise((r) => setTimeout(r, 100));
        held = await suite.dataSource.query(`SELECT reasons FROM intake.quarantine WHERE source LIKE 'nats:%'`);
      }
      expect(held).toHaveLength(1);
      expect(held[0].reasons.map((r) => r.code)).toContain('invalid_encoding');
      expect(await suite.dataSource.query(`SELECT 1 FROM intake.clues WHERE clue_id = 'U-NATS'`)).toHaveLength(0);
    });
  });

  describe('SQL in every text field is data', () => {
    it('intake: clues whose every text field is SQL are stored verbatim or quarantined', async () => {
      for (const [i, sql] of SQL.entries()) {
        const stored = await send(`${suite.urls.intake}/api/clues`, {
          body: JSON.stringify(clue(`${sql}#${i}`, { subject_name: sql, address: sql, category: sql, credit_code: sql })),
          type: 'application/json',
        });
        expect(stored.status).toBe(200);
        expect(stored.body).toMatchObject({ read: 1, inserted: 1 });
        const [row] = await suite.dataSource.query(`SELECT subject_name, address, category, credit_code_valid FROM intake.clues WHERE clue_id = $1`, [
          `${sql}#${i}`,
        ]);
        expect(row).toEqual({ subject_name: sql, address: sql, category: sql, credit_code_valid: false });
        const every = Object.fromEntries(Object.keys(clue('x')).map((k) => [k, sql]));
        const held = await send(`${suite.urls.intake}/api/clues`, { body: JSON.stringify(every), type: 'application/json' });
        expect(held.status).toBe(200);
        expect(held.body).toMatchObject({ read: 1, quarantined: expect.any(Number) });
      }
    });

    it('intake: a CSV export whose text cells are SQL is stored verbatim; search and quarantine routes take SQL as data', async () => {
      const rows = SQL.map((sql, i) => subject(creditCode(i), csvQuote(sql), csvQuote(sql), csvQuote(sql)));
      const answer = await send(`${suite.urls.intake}/api/exports/subjects`, {
        body: `${HEADER}\n${rows.join('\n')}\n${SQL.map(csvQuote).join(',')}\n`,
        type: 'text/csv',
      });
      expect(answer.status).toBe(200);
      expect(answer.body.read).toBe(SQL.length + 1);
      expect(answer.body).toMatchObject({ inserted: SQL.length, quarantined: 1 });
      for (const [i, sql] of SQL.entries()) {
        const [row] = await suite.dataSource.query(`SELECT name, address FROM intake.subjects WHERE credit_code = $1`, [creditCode(i)]);
        expect(row).toEqual({ name: sql, address: sql });
      }
      for (const sql of SQL) {
        expect((await send(`${suite.urls.intake}/api/enterprises?q=${encodeURIComponent(sql)}`)).status).toBeLessThan(500);
        expect((await send(`${suite.urls.intake}/api/quarantine?kind=${encodeURIComponent(sql)}`)).status).toBe(400);
      }
      const [open] = await suite.dataSource.query(`SELECT id FROM intake.quarantine WHERE status = 'open' ORDER BY id DESC LIMIT 1`);
      const replayed = await send(`${suite.urls.intake}/api/quarantine/${open.id}/replay`, {
        body: JSON.stringify({ corrections: { name: SQL[0], address: SQL[1] }, actor: SQL[2] }),
        type: 'application/json',
      });
      expect(replayed.status).toBe(200);
      const discarded = await send(`${suite.urls.intake}/api/quarantine/${open.id}/discard`, {
        body: JSON.stringify({ reason: SQL[3], actor: SQL[4] }),
        type: 'application/json',
      });
      expect(discarded.status).toBe(200);
      const [resolution] = await suite.dataSource.query(`SELECT status, resolution FROM intake.quarantine WHERE id = $1`, [open.id]);
      expect(resolution.status).toBe('discarded');
      expect(JSON.stringify(resolution.resolution)).toContain(JSON.stringify(SQL[3]).slice(1, -1));
      expect(
        (
          await send(`${suite.urls.intake}/api/quarantine/${encodeURIComponent(SQL[1])}/discard`, {
            body: JSON.stringify({ reason: SQL[0] }),
            type: 'application/json',
          })
        ).status,
      ).toBe(400);
    });

    it('dispatch: conflicts, calendar names, exemptions and draw seeds keep SQL as text; SQL in ids and codes is refused', async () => {
      const url = suite.urls.dispatch;
      for (const sql of SQL) {
        const declared = await send(`${url}/api/conflicts`, {
          body: JSON.stringify({ officerId: 'OFF-1', creditCode: '91440604MA4UJ8K20C', reason: sql }),
          type: 'application/json',
        });
        expect(declared.status).toBe(201);
        const [conflict] = (await send(`${url}/api/conflicts?officer=${encodeURIComponent('OFF-1')}`)).body as unknown as { reason: string }[];
        expect(conflict.reason).toBe(sql);
        expect(
          (await send(`${url}/api/conflicts`, { body: JSON.stringify({ officerId: sql, creditCode: sql, reason: sql }), type: 'application/json' })).status,
        ).toBe(400);
        expect((await send(`${url}/api/conflicts?officer=${encodeURIComponent(sql)}&enterprise=${encodeURIComponent(sql)}`)).status).toBe(200);
        expect((await send(`${url}/api/conflicts/${encodeURIComponent(sql)}/${encodeURIComponent(sql)}`, { method: 'DELETE' })).status).toBe(404);

        expect(
          (await send(`${url}/api/calendar/2026-10-08`, { method: 'PUT', body: JSON.stringify({ kind: 'holiday', name: sql }), type: 'application/json' }))
            .status,
        ).toBe(200);
        const days = (await send(`${url}/api/calendar?year=2026`)).body as unknown as { date: string; name: string }[];
        expect(days.find((d) => d.date === '2026-10-08')?.name).toBe(sql);
        expect(
          (await send(`${url}/api/calendar/${encodeURIComponent(sql)}`, { method: 'PUT', body: JSON.stringify({ kind: 'holiday' }), type: 'application/json' }))
            .status,
        ).toBe(400);

        const plan = {
          annualRatios: { red: 1, yellow: 0.5, green: 0.1 },
          uniformAnnualRatio: 0.2,
          annualCapPerEnterprise: 2,
          checklist: ['SAMR-01'],
          exemptions: [sql],
        };
        expect((await send(`${url}/api/plans/SAMR`, { method: 'PUT', body: JSON.stringify(plan), type: 'application/json' })).status).toBe(200);
        expect(
          (await send(`${url}/api/plans/SAMR`, { method: 'PUT', body: JSON.stringify({ ...plan, checklist: [sql] }), type: 'application/json' })).status,
        ).toBe(400);
        expect(
          (await send(`${url}/api/plans/${encodeURIComponent(sql)}`, { method: 'PUT', body: JSON.stringify(plan), type: 'application/json' })).status,
        ).toBe(400);

        expect(
          (
            await send(`${url}/api/visits/${encodeURIComponent(sql)}/results`, {
              body: JSON.stringify({ items: [{ item: 'SAMR-01', result: 'no_problem' }] }),
              type: 'application/json',
            })
          ).status,
        ).toBe(404);
        expect(
          (await send(`${url}/api/visits/${encodeURIComponent(sql)}/rating`, { body: JSON.stringify({ stars: 5, comment: sql }), type: 'application/json' }))
            .status,
        ).toBe(404);
        expect(
          (
            await send(`${url}/api/visits/x/results`, {
              body: JSON.stringify({ items: [{ item: sql, result: sql, violation: sql }] }),
              type: 'application/json',
            })
          ).status,
        ).toBe(400);
      }
      const draw = await send(`${url}/api/draws`, {
        body: JSON.stringify({ from: '2026-11-02', to: '2026-11-06', seed: SQL[0], backfill: true }),
        type: 'application/json',
      });
      expect(draw.status).toBe(201);
      expect(draw.body.seed).toBe(SQL[0]);
      expect((await send(`${url}/api/draws`, { body: JSON.stringify({ from: SQL[1], to: SQL[2] }), type: 'application/json' })).status).toBe(400);
    });

    it('oversight: who suspended the model and why are recorded as text, in the record too', async () => {
      const url = suite.urls.oversight;
      const suspended = await send(`${url}/api/kill-switch/suspend`, { body: JSON.stringify({ actor: SQL[0], reason: SQL[3] }), type: 'application/json' });
      expect(suspended.status).toBe(201);
      const resumed = await send(`${url}/api/kill-switch/resume`, { body: JSON.stringify({ actor: SQL[2], reason: SQL[4] }), type: 'application/json' });
      expect(resumed.status).toBe(201);
      const state = (await send(`${url}/api/kill-switch`)).body as unknown as { history: { actor: string; reason: string }[] };
      expect(JSON.stringify(state)).toContain(JSON.stringify(SQL[0]).slice(1, -1));
      expect((await send(`${url}/api/audit/verify`, { method: 'POST' })).body).toMatchObject({ ok: true });
    });

    it('web: sign-in, accounts and the gateway take SQL as data', async () => {
      const url = suite.urls.web;
      for (const sql of SQL) {
        const login = await send(`${url}/api/auth/login`, { body: JSON.stringify({ username: sql, password: sql }), type: 'application/json' });
        expect(login.status).toBe(401);
      }
      const admin = await signIn(url, 'admin');
      expect(
        (
          await send(`${url}/api/accounts`, {
            body: JSON.stringify({ username: SQL[0], password: 'long-enough-1', role: 'admin' }),
            type: 'application/json',
            cookie: admin,
          })
        ).status,
      ).toBe(400);
      const created = await send(`${url}/api/accounts`, {
        body: JSON.stringify({ username: 'sql-pass', password: SQL_PASSWORD, role: 'oversight' }),
        type: 'application/json',
        cookie: admin,
      });
      expect(created.status).toBe(201);
      expect(
        (await send(`${url}/api/auth/login`, { body: JSON.stringify({ username: 'sql-pass', password: SQL_PASSWORD }), type: 'application/json' })).status,
      ).toBe(200);
      expect((await send(`${url}/api/accounts/${encodeURIComponent(SQL[1])}/disable`, { method: 'POST', cookie: admin })).status).toBe(404);
      const dispatcher = await signIn(url, 'dispatcher');
      const draw = await send(`${url}/api/draws`, {
        body: JSON.stringify({ from: '2026-11-09', to: '2026-11-13', seed: SQL[1], backfill: true }),
        type: 'application/json',
        cookie: dispatcher,
      });
      expect(draw.status).toBe(201);
      expect(draw.body.seed).toBe(SQL[1]);
      const overseer = await signIn(url, 'overseer');
      expect(
        (await send(`${url}/api/audit/entries?subjectRef=${encodeURIComponent(SQL[0])}&kind=${encodeURIComponent(SQL[1])}`, { cookie: overseer })).status,
      ).toBeLessThan(500);
    });

    it('every table is still there, and no account was deleted', async () => {
      expect(await suiteTables(suite.dataSource)).toEqual(tablesBefore);
      const [{ n }] = await suite.dataSource.query(`SELECT count(*)::int AS n FROM web.accounts`);
      expect(n).toBe(6);
    });
  });

  describe('values the database cannot hold', () => {
    it('NUL characters, numbers past bigint and days that do not exist are 400 with what was wrong, never 500', async () => {
      const { intake, dispatch, oversight, web } = suite.urls;
      const cases: [string, { method?: string; body?: string; type?: string }, RegExp][] = [
        [`${intake}/api/enterprises?q=%00`, {}, /NUL/],
        [`${intake}/api/enterprises/%00`, {}, /NUL/],
        [`${intake}/api/quarantine?after=99999999999999999999999`, {}, /after must be a whole number/],
        [`${dispatch}/api/visits?from=2026-02-30`, {}, /date/],
        [`${oversight}/api/audit/entries/99999999999999999999`, {}, /./],
        [`${oversight}/api/audit/entries?subjectRef=%00`, {}, /NUL/],
        [`${web}/api/auth/login`, { body: JSON.stringify({ username: 'ent\u0000', password: 'whatever-it-is-1' }), type: 'application/json' }, /NUL/],
      ];
      for (const [url, init, message] of cases) {
        const answer = await send(url, init);
        expect({ url, status: answer.status }).toEqual({ url, status: 400 });
        expect(String(answer.body.message)).toMatch(message);
      }
    });

    it('a count written other than in plain digits (0x10, 1e2, blank, 1.5) is 400 saying it must be a whole number, not read as 16 or 0', async () => {
      const { intake, dispatch, oversight } = suite.urls;
      for (const base of [`${intake}/api/enterprises`, `${dispatch}/api/visits`, `${oversight}/api/kill-switch`]) {
        for (const limit of ['0x10', '1e2', '', '1.5']) {
          const url = `${base}?limit=${encodeURIComponent(limit)}`;
          const answer = await send(url);
          expect({ url, status: answer.status, message: answer.body.message }).toEqual({
            url,
            status: 400,
            message: [expect.stringMatching(/^limit must be a whole number from 1 to \d+$/)],
          });
        }
        expect((await send(`${base}?limit=16`)).status).toBe(200);
      }
    });

    it('a credit code filter typed full-width or in lower case reads as the code; a code of the wrong shape is 400 saying so', async () => {
      const { dispatch } = suite.urls;
      const code = creditCode(7);
      const fullWidth = [...code.toLowerCase()].map((c) => String.fromCharCode(c.charCodeAt(0) + 0xfee0)).join('');
      const asTyped = await send(`${dispatch}/api/visits?creditCode=${code}`);
      expect(asTyped.status).toBe(200);
      for (const typed of [code.toLowerCase(), fullWidth, ` ${code} `]) {
        const answer = await send(`${dispatch}/api/visits?creditCode=${encodeURIComponent(typed)}`);
        expect({ typed, status: answer.status, body: answer.body }).toEqual({ typed, status: 200, body: asTyped.body });
      }
      const wrong = await send(`${dispatch}/api/visits?creditCode=91440604`);
      expect({ status: wrong.status, message: wrong.body.message }).toEqual({
        status: 400,
        message: ['creditCode is an 18-character unified social credit code'],
      });
    });

    it('through the gateway, a NUL in an appeal id or in a name searched is 400 saying so, not the other apps being away (502, 503)', async () => {
      const { web } = suite.urls;
      const enterprise = await signIn(web, 'ent');
      const cases: [string, string | undefined][] = [
        [`${web}/api/appeals/%00`, enterprise],
        [`${web}/api/appeals/%00/receipts/1`, enterprise],
        [`${web}/api/public/inspection-results?name=%00`, undefined],
        [`${web}/api/public/inspection-results?name=${encodeURIComponent('食品\n')}`, undefined],
      ];
      for (const [url, cookie] of cases) {
        const answer = await send(url, { cookie });
        expect({ url, status: answer.status }).toEqual({ url, status: 400 });
        expect((answer.body as { message?: string }).message).toMatch(/NUL/);
      }
    });
  });

  describe('forged, tampered and expired sessions', () => {
    const me = (cookie?: string) => send(`${suite.urls.web}/api/auth/me`, { cookie });
    const ownScore = (cookie?: string) => send(`${suite.urls.web}/api/enterprises/${OWN_CODE}`, { cookie });

    it('a forged token, a tampered one, an over-long one and one holding SQL are all 401, never 500', async () => {
      const real = (await signIn(suite.urls.web, 'ent')).split('=')[1];
      const flipped = real.slice(0, -1) + (real.endsWith('A') ? 'B' : 'A');
      const forged = ['A'.repeat(43), flipped, `${real}x`, real.slice(1), 'x'.repeat(10_000), `${SQL[0]}`, encodeURIComponent("' OR 1=1 --"), '%00%ff', ''];
      for (const token of forged) {
        for (const probe of [me, ownScore]) {
          const answer = await probe(`tp_session=${token}`);
          expect(answer.status).toBe(401);
          expect(answer.body).toMatchObject({ statusCode: 401 });
        }
      }
      expect((await me(`tp_session=${real}`)).status).toBe(200);
    });

    it('an expired session and a revoked one are 401; so is a session of a disabled account', async () => {
      const expired = await signIn(suite.urls.web, 'officer');
      await suite.dataSource.query(
        `UPDATE web.sessions SET expires_at = now() - interval '1 second' WHERE account_id = (SELECT id FROM web.accounts WHERE username = 'officer')`,
      );
      expect((await me(expired)).status).toBe(401);
      expect((await send(`${suite.urls.web}/api/scores`, { cookie: expired })).status).toBe(401);

      const revoked = await signIn(suite.urls.web, 'dispatcher');
      await send(`${suite.urls.web}/api/auth/logout`, { method: 'POST', cookie: revoked });
      expect((await me(revoked)).status).toBe(401);

      const victim = await signIn(suite.urls.web, 'sql-pass', SQL_PASSWORD);
      const admin = await signIn(suite.urls.web, 'admin');
      expect((await send(`${suite.urls.web}/api/accounts/sql-pass/disable`, { method: 'POST', cookie: admin })).status).toBe(200);
      expect((await me(victim)).status).toBe(401);
    });
  });
});
