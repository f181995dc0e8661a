import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { creditCodeCheckChar } from '@tianping/common';
import { IntakeSubjects } from '@tianping/contracts';
import { IngestRepository } from '../../../apps/intake/src/ingest/ingest.repository';
import { IntakeOutbox } from '../../../apps/intake/src/ingest/outbox-relay.provider';
import { CASES_TABLE, CLUES_TABLE, SUBJECTS_TABLE, type Row, type TableSpec } from '../../../apps/intake/src/ingest/record-tables';
import { startIntake, type IntakeHarness } from './intake-app.harness';

// Inputs the contract allows (or forbids) that the samples do not show, through the live paths.
const HEADER =
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间';
const subject = (o: { code?: string; name?: string; address?: string; employees?: string } = {}) =>
  `${o.code ?? '91440604MA4UJ8K20C'},${o.name ?? '佛山市禅城区明记餐饮管理有限公司'},2016-04-12,50,50,${o.employees ?? '12'},H6210,440604,${o.address ?? '佛山市禅城区祖庙街道建新路18号首层'},113.1102,23.0297,存续,否,0,陈明,440604198703150018,2024-05-06 10:12:00`;
const clue = (id: string, extra: object = {}) => ({
  clue_id: id,
  channel: '12345',
  received_at: '2024-03-01T09:15:00+08:00',
  category: 'food_safety',
  department: 'SAMR',
  verified: null,
  status: 'pending',
  updated_at: '2024-03-12T17:00:00+08:00',
  ...extra,
});
const codeFor = (i: number) => {
  const first17 = `9144060${String(i).padStart(4, '0')}MA4UJ8`;
  return first17 + creditCodeCheckChar(first17);
};
const randomHan = (n: number) => Array.from({ length: n }, () => String.fromCharCode(0x4e00 + Math.floor(Math.random() * 20000))).join('');

describe('intake on inputs the samples do not show', () => {
  let intake: IntakeHarness;

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(() => intake.close());

  const post = (path: string, body: string, type: string) => fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': type }, body });
  const reasonsOf = async (kind: string) =>
    (await intake.dataSource.query(`SELECT reasons FROM intake.quarantine WHERE kind = $1 ORDER BY id`, [kind])).map(
      (r: { reasons: { field: string; code: string }[] }) => r.reasons.map((x) => `${x.field}:${x.code}`).join('+'),
    );

  it('quarantines a row the database cannot hold and keeps the rest of its file', async () => {
    const csv = [
      HEADER,
      subject({ name: '明记\u0000餐饮' }),
      subject({ code: '91440604MA4UJ8K200', name: '校验位\u0000错误' }), // bad twice over: still quarantined, shown masked
      subject({ code: codeFor(1), employees: '3000000000' }),
      subject({ code: codeFor(2) }),
    ].join('\n');
    const response = await post('/api/exports/subjects', csv, 'text/csv');
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ read: 4, inserted: 1, quarantined: 3 });
    expect(await reasonsOf('subjects')).toEqual(['name:invalid_character', 'name:invalid_character+credit_code:check_character', 'employees:range']);
  });

  it('quarantines such clues whether posted or pushed, instead of refusing or dead-lettering their whole batch', async () => {
    const posted = await post(
      '/api/clues',
      JSON.stringify([clue('HTTP-NUL', { address: '禅城区\u0000' }), clue(randomHan(1500)), clue('HTTP-OK')]),
      'application/json',
    );
    expect(posted.status).toBe(200);
    expect(await posted.json()).toMatchObject({ read: 3, inserted: 1, quarantined: 2 });

    const nc = await connect({ servers: intake.nats.url });
    await jetstream(nc).publish(
      IntakeSubjects.cluesPush,
      new TextEncoder().encode(JSON.stringify([clue('NATS-NUL', { subject_name: '\u0000' }), clue('NATS-OK')])),
    );
    await nc.close();
    await waitFor(async () => (await intake.dataSource.query(`SELECT 1 FROM intake.clues WHERE clue_id = 'NATS-OK'`)).length === 1);
    expect(await reasonsOf('clues')).toEqual(['address:invalid_character', 'clue_id:too_long', 'subject_name:invalid_character']);
  });

  it('links a clue pushed before its enterprise once the enterprise arrives over HTTP, or is replayed from quarantine', async () => {
    const early = (id: string, extra: object) => post('/api/clues', JSON.stringify(clue(id, extra)), 'application/json');
    await early('EARLY-CODE', { credit_code: codeFor(3) });
    await early('EARLY-NAME', { subject_name: '佛山市南海区恒达五金制品有限公司', address: '佛山市南海区狮山镇科技大道3号' });
    await early('EARLY-REPLAY', { credit_code: codeFor(5) });
    const links = async () =>
      Object.fromEntries(
        (await intake.dataSource.query(`SELECT clue_id, linked_credit_code FROM intake.clues WHERE clue_id LIKE 'EARLY-%'`)).map(
          (r: { clue_id: string; linked_credit_code: string | null }) => [r.clue_id, r.linked_credit_code],
        ),
      );
    expect(await links()).toEqual({ 'EARLY-CODE': null, 'EARLY-NAME': null, 'EARLY-REPLAY': null });

    const csv = [
      HEADER,
      subject({ code: codeFor(3), name: '佛山市某某贸易有限公司', address: '佛山市禅城区某路9号' }),
      subject({ code: codeFor(4), name: '佛山市南海区恒达五金制品有限公司', address: '佛山市南海区狮山镇科技大道3号' }),
      subject({ code: codeFor(5).slice(0, 17) + (codeFor(5).endsWith('0') ? '1' : '0'), name: '佛山市另一家有限公司', address: '佛山市禅城区另一路1号' }),
    ].join('\n');
    expect(await (await post('/api/exports/subjects', csv, 'text/csv')).json()).toMatchObject({ inserted: 2, quarantined: 1 });
    expect(await links()).toEqual({ 'EARLY-CODE': codeFor(3), 'EARLY-NAME': codeFor(4), 'EARLY-REPLAY': null });

    const [held] = await intake.dataSource.query(
      `SELECT id FROM intake.quarantine WHERE kind = 'subjects' AND reasons::text LIKE '%check_character%' ORDER BY id DESC LIMIT 1`,
    );
    const replay = await post(`/api/quarantine/${held.id}/replay`, JSON.stringify({ corrections: { credit_code: codeFor(5) } }), 'application/json');
    expect(await replay.json()).toMatchObject({ accepted: true });
    expect((await links())['EARLY-REPLAY']).toBe(codeFor(5));
  });

  it('links clues by the name and address a subject has now, once the register renames and moves it', async () => {
    const linkOf = async (id: string, extra: object) => {
      expect(await (await post('/api/clues', JSON.stringify(clue(id, extra)), 'application/json')).json()).toMatchObject({ inserted: 1 });
      const [row] = await intake.dataSource.query(`SELECT linked_credit_code FROM intake.clues WHERE clue_id = $1`, [id]);
      return row.linked_credit_code;
    };
    const teahouse = { code: codeFor(6), name: '佛山市禅城区鸿运茶餐厅有限公司', address: '佛山市禅城区祖庙街道福贤路8号' };
    expect(await (await post('/api/exports/subjects', `${HEADER}\n${subject(teahouse)}\n`, 'text/csv')).json()).toMatchObject({ inserted: 1 });
    expect(await linkOf('RENAMED-BEFORE', { subject_name: '鸿运茶餐厅' })).toBe(codeFor(6));

    const renamed = subject({ ...teahouse, name: '佛山市禅城区福满楼酒家有限公司', address: '佛山市禅城区祖庙街道福贤路10号' });
    const later = renamed.replace('2024-05-06 10:12:00', '2024-07-01 09:00:00');
    expect(await (await post('/api/exports/subjects', `${HEADER}\n${later}\n`, 'text/csv')).json()).toMatchObject({ updated: 1 });
    expect(await linkOf('RENAMED-NEW-NAME', { subject_name: '福满楼酒家' })).toBe(codeFor(6));
    expect(await linkOf('RENAMED-OLD-NAME', { subject_name: '鸿运茶餐厅' })).toBeNull();
    expect(await linkOf('MOVED-NEW-ADDRESS', { address: '福贤路10号' })).toBe(codeFor(6));
    expect(await linkOf('MOVED-OLD-ADDRESS', { address: '福贤路8号' })).toBeNull();
  });

  it('publishes a batch of subjects with long names and addresses, in events NATS accepts', async () => {
    const rows = Array.from({ length: 400 }, (_, i) =>
      subject({ code: codeFor(100 + i), name: `公司${i}${randomHan(1200)}`, address: `佛山市${randomHan(1200)}` }),
    );
    expect(await (await post('/api/exports/subjects', [HEADER, ...rows].join('\n'), 'text/csv')).json()).toMatchObject({ inserted: 400 });
    await intake.app.get(IntakeOutbox).relay.drain();
    const [{ n }] = await intake.dataSource.query(`SELECT count(*)::int AS n FROM intake.outbox WHERE published_at IS NULL`);
    expect(n).toBe(0);
  });

  it('stores text, numbers, dates and instants exactly as the upsert is given them, whatever characters the text holds', async () => {
    const texts = [
      '',
      'NULL',
      'null',
      'a,b',
      '{x}',
      ' lead',
      'trail ',
      'a b',
      'line\nbreak\r\ttab',
      'say "hi"',
      'back\\slash',
      '\\"',
      '天平',
      '😀',
      '\uFFFD\uFF01\uFFEE',
      "it's",
    ];
    const instants = [new Date('2024-05-06T10:12:00.001Z'), new Date('1999-12-31T23:59:59.999Z'), new Date('2025-04-09T15:37:44+08:00')];
    const days = ['2016-04-12', '1899-12-31', '2024-02-29'];
    const subjects: Row[] = texts.map((text, i) => ({
      credit_code: `RT${i}${text}`,
      name: text,
      name_key: text,
      established_on: days[i % 3],
      registered_capital_wan: i % 2 ? null : [0, 12.5, 1e21, -0.001][i % 4],
      shareholder_subscribed_wan: 123456789.125,
      employees: i % 3 ? i * 1000 : null,
      industry_code: text,
      region_code: '440604',
      address: i % 2 ? text : null,
      address_key: i % 2 ? null : text,
      lng: i % 2 ? 113.1336 : null,
      lat: -0.1 * i,
      status: text,
      abnormal_listed: i % 2 === 0,
      legal_rep_changes_2y: i === 0 ? 2 ** 31 - 1 : -i,
      legal_rep_name_sealed: text,
      legal_rep_id_sealed: null,
      legal_rep_id_hash: text,
      legal_rep_id_masked: text,
      updated_at: instants[i % 3],
      fingerprint: `f${text}`,
    }));
    const cases: Row[] = texts.map((text, i) => ({
      case_no: `RT${i}${text}`,
      credit_code: text,
      department: text,
      kind: text,
      origin: text,
      date: days[i % 3],
      items: [text, `${text}2`],
      result: i % 2 ? null : text,
      violation: text,
      violation_found: i % 2 === 1,
      penalty_yuan: i * 0.5,
      officer_ids: [],
      updated_at: instants[i % 3],
      fingerprint: text,
    }));
    const clues: Row[] = texts.map((text, i) => ({
      clue_id: `RT${i}${text}`,
      channel: text,
      received_at: instants[(i + 1) % 3],
      credit_code_given: i % 2 ? null : text,
      credit_code_valid: false,
      subject_name: text,
      address: text,
      category: text,
      department: text,
      verified: [true, false, null][i % 3],
      status: text,
      updated_at: instants[i % 3],
      fingerprint: text,
      linked_credit_code: null,
      link_method: text,
      link_candidates: i,
    }));
    const repository = intake.app.get(IngestRepository);
    const upsert = (spec: TableSpec, rows: Row[]) =>
      intake.dataSource.transaction(async (manager) => {
        // The session's zone must not matter: an instant is an instant.
        await manager.query(`SET LOCAL TimeZone = 'Asia/Shanghai'`);
        return repository.upsert(manager, spec, rows);
      });
    for (const [spec, rows] of [
      [SUBJECTS_TABLE, subjects],
      [CASES_TABLE, cases],
      [CLUES_TABLE, clues],
    ] as const) {
      expect(new Set(await upsert(spec, rows))).toEqual(new Set(['inserted']));
      expect(await storedAsGiven(spec, rows)).toEqual(rows.map(comparable));
      expect(new Set(await upsert(spec, rows))).toEqual(new Set(['duplicate']));
    }
  });

  /** The stored rows, keyed as given, in a form compared exactly: instants as ISO text, dates as text, numeric as a number. */
  async function storedAsGiven(spec: TableSpec, rows: Row[]): Promise<Record<string, unknown>[]> {
    const columns = spec.columns.map(({ name, type }) => {
      if (type === 'timestamptz') return `to_char(${name} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS ${name}`;
      if (type === 'date') return `${name}::text AS ${name}`;
      if (type === 'numeric') return `${name}::float8 AS ${name}`;
      return name;
    });
    const keys = rows.map((r) => r[spec.key]);
    const stored: Record<string, unknown>[] = await intake.dataSource.query(
      `SELECT ${columns.join(', ')} FROM ${spec.table} WHERE ${spec.key} = ANY($1::text[])`,
      [keys],
    );
    return keys.map((key) => stored.find((s) => s[spec.key] === key)!);
  }
});

const comparable = (row: Row) => Object.fromEntries(Object.entries(row).map(([name, value]) => [name, value instanceof Date ? value.toISOString() : value]));

async function waitFor(check: () => Promise<boolean>, timeoutMs = 15000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('condition not met in time');
}
