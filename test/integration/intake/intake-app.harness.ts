import type { NestExpressApplication } from '@nestjs/platform-express';
import type { VisitResultRecorded } from '@tianping/contracts';
import { DataSource } from 'typeorm';
import { createTestDatabase, startTestNats, type TestDatabase, type TestNats, listenTestApp } from '@tianping/testing';
import { IntakeModule } from '../../../apps/intake/src/intake.module';

export interface IntakeHarness {
  app: NestExpressApplication;
  baseUrl: string;
  db: TestDatabase;
  nats: TestNats;
  dataSource: DataSource;
  close: () => Promise<void>;
}

/** Boots the real intake service on its own database copy and its own nats-server (taking messages up to `natsMaxPayload`). */
export async function startIntake(options: { natsMaxPayload?: number } = {}): Promise<IntakeHarness> {
  const db = await createTestDatabase();
  const nats = await startTestNats({ maxPayload: options.natsMaxPayload });
  process.env.DATABASE_URL = db.url;
  process.env.NATS_URL = nats.url;
  const { app, baseUrl } = await listenTestApp(IntakeModule);
  return {
    app,
    baseUrl,
    db,
    nats,
    dataSource: app.get(DataSource),
    close: async () => {
      await app.close();
      await nats.stop();
      await db.drop();
    },
  };
}

/** A Platform B clue about the enterprise `creditCode`, as pushed or posted; `extra` sets other fields. */
export const clueAbout = (creditCode: string, id: string, extra: object = {}) => ({
  clue_id: id,
  channel: '12345',
  received_at: '2024-03-01T09:15:00+08:00',
  credit_code: creditCode,
  category: 'food_safety',
  department: 'SAMR',
  verified: true,
  status: 'closed',
  updated_at: '2024-03-12T17:00:00+08:00',
  ...extra,
});

/** Platform A's subjects header, as the contract spells it. */
export const SUBJECTS_HEADER =
  '统一社会信用代码,主体名称,成立日期,注册资本(万元),股东认缴出资额(万元),从业人数,行业代码,行政区划代码,住所,经度,纬度,登记状态,列入经营异常名录,近两年法定代表人变更次数,法定代表人,法定代表人证件号,更新时间';

/** One subjects row under SUBJECTS_HEADER; a bad `establishedOn` makes it a rejected one. */
export const subjectLine = (code: string, { employees = 12, updatedAt = '2024-05-06 10:12:00', establishedOn = '2016-04-12' } = {}) =>
  `${code},佛山市禅城区明记餐饮管理有限公司,${establishedOn},50,50,${employees},H6210,440604,佛山市禅城区祖庙街道建新路18号首层,113.1102,23.0297,存续,否,0,陈明,440604198703150018,${updatedAt}`;

/** A joint visit's results as dispatch publishes them: two officers on 2026-03-02; `visit` names it and its items. */
export const visitResult = (
  visit: Pick<VisitResultRecorded, 'visitId' | 'visitNo' | 'creditCode' | 'items'> & Partial<VisitResultRecorded>,
): VisitResultRecorded => ({ date: '2026-03-02', officerIds: ['44060400123', '44060400456'], at: '2026-03-02T06:00:00Z', ...visit });
