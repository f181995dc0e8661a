import { IntakeSubjects, type ClueChange } from '@tianping/contracts';
import type { FollowUpTrigger } from '@tianping/planner';
import type { DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { DrawInputsRepository } from '../../../apps/dispatch/src/draw/draw-inputs.repository';
import type { PlanningInputs } from '../../../apps/dispatch/src/draw/planning.util';
import { cityEvents, inspectionCase, publishCity, type CityEvents } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';
import { checkStoredPlan } from './stored-plan.check';

const MARCH = { start: '2025-03-01', end: '2025-03-31' };
const APRIL = { start: '2025-04-01', end: '2025-04-30' };

interface VisitView {
  id: string;
  visitNo: string;
  creditCode: string;
  date: string;
  departments: string[];
  reasons: string[];
  status: string;
  checklist: { department: string; items: string[] }[];
  followUps: { department: string; inspectionRef: string; inspectedOn: string; rectifyBy: string }[];
  rectifyBy: string | null;
}

/**
 * An order to rectify (责令整改) is checked again (整改复查): the next draw whose window reaches the day after
 * the deadline plans the re-inspection from that day (the deadline day is the enterprise's), within the days the policy allows.
 */
describe('follow-up inspections after an order to rectify (整改复查)', () => {
  let h: DispatchHarness;
  let city: CityEvents;
  let march: DrawOutcome;
  let ordered: VisitView;
  let defaulted: VisitView;
  const platformCase = { caseNo: 'FS-SAMR-2025-000901', creditCode: '', date: '2025-03-20' };

  const draw = async (window: { start: string; end: string }, seed: string) => {
    const res = await h.http<DrawOutcome>('POST', '/api/draws', { from: window.start, to: window.end, backfill: true, seed });
    expect(res.status).toBe(201);
    return res.body;
  };
  const visit = async (id: string) => (await h.http<VisitView>('GET', `/api/visits/${id}`)).body;
  const results = (v: VisitView, rectify: boolean) =>
    v.checklist.flatMap((d, k) =>
      d.items.map((item, i) => (rectify && k === 0 && i === 0 ? { item, result: '责令整改', violation: '消防通道堵塞' } : { item, result: '未发现问题' })),
    );
  const priorCases = async () => (await h.dataSource.query(`SELECT count(*)::int AS n FROM dispatch.prior_inspections`))[0].n as number;
  const followUpsOf = async (id: string) =>
    (await h.http<{ inputs: PlanningInputs }>('GET', `/api/draws/${id}/inputs`)).body.inputs.triggeredTasks.filter(
      (t): t is FollowUpTrigger => t.kind === 'follow-up',
    );

  beforeAll(async () => {
    h = await startDispatch();
    city = cityEvents('follow-ups-it', 300, 40, MARCH);
    await publishCity(h, city);
    march = await draw(MARCH, 'march');
    expect(march.status).toBe('published');
  });
  afterAll(() => h.close());

  it('records a deadline with results ordering rectification, refusing one on or before the visit, and defaults it otherwise', async () => {
    const { body: list } = await h.http<VisitView[]>('GET', `/api/visits?draw=${march.id}&status=scheduled`);
    const [first, second, third] = await Promise.all(list.slice(0, 3).map((v) => visit(v.id)));

    const early = await h.http<{ message: string }>('POST', `/api/visits/${first.id}/results`, { items: results(first, true), rectifyBy: first.date });
    expect(early.status).toBe(400);
    expect(early.body.message).toContain('must come after');
    const late = await h.http('POST', `/api/visits/${first.id}/results`, { items: results(first, true), rectifyBy: '2026-01-01' });
    expect(late.status).toBe(400);
    const needless = await h.http('POST', `/api/visits/${first.id}/results`, { items: results(first, false), rectifyBy: '2025-04-10' });
    expect(needless.status).toBe(400);
    expect((await visit(first.id)).status).toBe('scheduled');

    const recorded = await h.http<{ rectifyBy: string }>('POST', `/api/visits/${first.id}/results`, { items: results(first, true), rectifyBy: '2025-04-10' });
    expect(recorded.status).toBe(201);
    expect(recorded.body.rectifyBy).toBe('2025-04-10');
    ordered = await visit(first.id);
    expect(ordered).toMatchObject({ status: 'done', rectifyBy: '2025-04-10' });

    await h.http('POST', `/api/visits/${second.id}/results`, { items: results(second, true) });
    defaulted = await visit(second.id);
    const thirtyDaysOn = new Date(Date.parse(`${second.date}T00:00:00Z`) + 30 * 86_400_000).toISOString().slice(0, 10);
    expect(defaulted.rectifyBy).toBe(thirtyDaysOn);
    // No order to rectify, no deadline.
    await h.http('POST', `/api/visits/${third.id}/results`, { items: results(third, false) });
    expect((await visit(third.id)).rectifyBy).toBeNull();
  });

  it("follows up the platform's own orders to rectify, and counts a visit's order once when its case comes back from intake", async () => {
    const samr = city.subjects.find((s) => ['存续', '在业'].includes(s.status) && s.creditCode !== ordered.creditCode && s.creditCode !== defaulted.creditCode);
    platformCase.creditCode = samr!.creditCode;
    const department = ordered.checklist[0].department;
    const cases = [
      inspectionCase(platformCase.caseNo, platformCase.creditCode, 'SAMR', platformCase.date, '责令整改'),
      // The visit's own result, as intake numbers it: the same order, not a second one.
      inspectionCase(`${ordered.visitNo}-${department}`, ordered.creditCode, department, ordered.date, '责令整改'),
    ];
    const before = await priorCases();
    await h.publish(IntakeSubjects.casesUpserted, { batchId: 'cases-1', records: cases });
    await h.settle((c) => c.priorCases === before + 2);
    const [stored] = await h.dataSource.query(`SELECT result FROM dispatch.prior_inspections WHERE case_no = $1`, [platformCase.caseNo]);
    expect(stored.result).toBe('责令整改');

    // A window ending on a deadline does not plan its follow-up: a re-inspection on or before it proves nothing.
    const early = await h.app.get(DrawInputsRepository).load({ start: '2025-03-25', end: '2025-04-10' });
    const earlyRefs = early.inputs.triggeredTasks.flatMap((t) => (t.kind === 'follow-up' ? [t.inspectionRef] : []));
    expect(earlyRefs).not.toContain(ordered.visitNo);
    expect(earlyRefs).not.toContain(platformCase.caseNo);
    const { inputs } = await h.app.get(DrawInputsRepository).load(APRIL);
    const followUps = inputs.triggeredTasks.filter((t): t is FollowUpTrigger => t.kind === 'follow-up');
    expect(followUps).toEqual(
      expect.arrayContaining([
        {
          kind: 'follow-up',
          creditCode: ordered.creditCode,
          department,
          inspectionRef: ordered.visitNo,
          inspectedOn: ordered.date,
          rectifyBy: '2025-04-10',
          notBefore: '2025-04-11',
          dueBy: '2025-04-25',
        },
        {
          kind: 'follow-up',
          creditCode: platformCase.creditCode,
          department: 'SAMR',
          inspectionRef: platformCase.caseNo,
          inspectedOn: platformCase.date,
          rectifyBy: '2025-04-19',
          notBefore: '2025-04-20',
          dueBy: '2025-05-04',
        },
      ]),
    );
    expect(followUps.filter((f) => f.creditCode === ordered.creditCode && f.department === department)).toHaveLength(1);
    const dayAfter = new Date(Date.parse(`${defaulted.rectifyBy}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    expect(followUps.find((f) => f.inspectionRef === defaulted.visitNo)).toMatchObject({ rectifyBy: defaulted.rectifyBy, notBefore: dayAfter });
  });

  let april: DrawOutcome;

  it('plans each re-inspection within [deadline + 1, deadline + 15 days], never on the deadline day, bundled with the checks that can wait for it, and re-draws it the same', async () => {
    // A complaint about the ordered enterprise to another department: one visit must carry both.
    const other = ordered.checklist[0].department === 'SAMR' ? 'FIRE' : 'SAMR';
    const clue: ClueChange = {
      clueId: 'CLUE-FOLLOW-1',
      channel: '12345',
      receivedAt: '2025-04-01T09:00:00+08:00',
      linkedCreditCode: ordered.creditCode,
      linkMethod: 'credit_code',
      category: 'other',
      department: other,
      verified: true,
      status: 'pending',
      updatedAt: '2025-04-01T09:00:00+08:00',
    };
    // Another complaint, due two days before the other order's deadline: it must not wait for the deadline.
    const { body: policy } = await h.http<{ complaintDueDays: number }>('GET', '/api/policy');
    const received = new Date(Date.parse(`${defaulted.rectifyBy}T00:00:00Z`) - (policy.complaintDueDays + 2) * 86_400_000).toISOString().slice(0, 10);
    const urgent: ClueChange = {
      ...clue,
      clueId: 'CLUE-FOLLOW-2',
      receivedAt: `${received}T09:00:00+08:00`,
      linkedCreditCode: defaulted.creditCode,
      department: defaulted.checklist[0].department === 'SAMR' ? 'FIRE' : 'SAMR',
      updatedAt: `${received}T09:00:00+08:00`,
    };
    const before = city.clues.length;
    await h.publish(IntakeSubjects.cluesUpserted, { batchId: 'clue-f', records: [clue, urgent] });
    await h.settle((c) => c.complaints === before + 2);

    april = await draw(APRIL, 'april');
    expect(april.status).toBe('published');
    const followUps = await followUpsOf(april.id);
    expect(followUps.length).toBeGreaterThanOrEqual(3);
    const { body: listed } = await h.http<VisitView[]>('GET', `/api/visits?draw=${april.id}&reason=follow-up`);
    for (const f of followUps) {
      const v = listed.find((x) => x.creditCode === f.creditCode);
      expect(v).toBeDefined();
      expect(v!.date >= f.notBefore && v!.date <= f.dueBy!).toBe(true);
      expect(v!.date > f.rectifyBy).toBe(true);
      expect(v!.reasons).toContain('follow-up');
      expect(v!.followUps).toContainEqual({ department: f.department, inspectionRef: f.inspectionRef, inspectedOn: f.inspectedOn, rectifyBy: f.rectifyBy });
    }
    const bundled = listed.find((v) => v.creditCode === ordered.creditCode)!;
    expect(bundled.departments).toEqual(expect.arrayContaining([ordered.checklist[0].department, other]));
    expect(bundled.reasons).toEqual(expect.arrayContaining(['complaint', 'follow-up']));
    // The order's own page leads to its re-inspection.
    const { body: order } = await h.http<{ reInspections: { id: string; visitNo: string; date: string; status: string }[] }>(
      'GET',
      `/api/visits/${ordered.id}`,
    );
    expect(order.reInspections).toEqual([{ id: bundled.id, visitNo: bundled.visitNo, date: bundled.date, status: 'scheduled' }]);
    // The urgent complaint goes first in a visit of its own, by other officers; the re-inspection waits for its deadline.
    const { body: all } = await h.http<(VisitView & { officerIds: string[] })[]>('GET', `/api/visits?draw=${april.id}`);
    const twice = all.filter((v) => v.creditCode === defaulted.creditCode).sort((a, b) => a.date.localeCompare(b.date));
    expect(twice).toHaveLength(2);
    expect(twice[0]).toMatchObject({ departments: expect.arrayContaining([urgent.department]), reasons: expect.arrayContaining(['complaint']), followUps: [] });
    expect(twice[1].reasons).not.toContain('complaint');
    expect(twice[1].followUps.map((f) => f.inspectionRef)).toEqual([defaulted.visitNo]);
    expect(twice[1].date > defaulted.rectifyBy!).toBe(true);
    expect(twice[1].officerIds.filter((o) => twice[0].officerIds.includes(o))).toEqual([]);
    // The plan's task list puts each of the enterprise's tasks on the visit that carries it.
    const { body: tasks } = await h.http<{ creditCode: string; reason: string; clueIds: string[]; visitId: string | null }[]>(
      'GET',
      `/api/draws/${april.id}/tasks`,
    );
    const here = tasks.filter((t) => t.creditCode === defaulted.creditCode);
    expect(here.find((t) => t.clueIds.includes('CLUE-FOLLOW-2'))?.visitId).toBe(twice[0].id);
    expect(here.find((t) => t.reason === 'follow-up')?.visitId).toBe(twice[1].id);

    const { body: check } = await h.http<{ identical: boolean; inputsIntact: boolean; checkerViolations: number }>(
      'GET',
      `/api/draws/${april.id}/redraw-check`,
    );
    expect(check).toMatchObject({ identical: true, inputsIntact: true, checkerViolations: 0 });
    expect((await checkStoredPlan(h, april.id)).violations).toEqual([]);
  });

  it('closes a follow-up once its department inspected the enterprise after the deadline, not on it, and brings back one whose visit a re-draw cancels', async () => {
    const inspect = async (caseNo: string, date: string) => {
      const before = await priorCases();
      await h.publish(IntakeSubjects.casesUpserted, {
        batchId: caseNo,
        records: [inspectionCase(caseNo, platformCase.creditCode, 'SAMR', date, '未发现问题')],
      });
      await h.settle((c) => c.priorCases === before + 1);
    };
    const aprilRefs = async () =>
      (await h.app.get(DrawInputsRepository).load(APRIL)).inputs.triggeredTasks.flatMap((t) => (t.kind === 'follow-up' ? [t.inspectionRef] : []));
    // An inspection on the deadline day is within the enterprise's time to rectify: the order stays open.
    await inspect('FS-SAMR-2025-000949', '2025-04-19');
    expect(await aprilRefs()).toContain(platformCase.caseNo);
    await inspect('FS-SAMR-2025-000950', '2025-04-20');
    expect(await aprilRefs()).not.toContain(platformCase.caseNo);
    // While April's plan holds them, the others are served: a draw of May does not plan them again.
    const may = await h.app.get(DrawInputsRepository).load({ start: '2025-05-01', end: '2025-05-31' });
    expect(may.inputs.triggeredTasks.filter((t) => t.kind === 'follow-up')).toEqual([]);
    // Re-drawing April cancels its visits: the orders come back, but not the one inspected since.
    const again = await draw(APRIL, 'april-again');
    expect(again.supersededDrawIds).toEqual([april.id]);
    const refs = (await followUpsOf(again.id)).map((f) => f.inspectionRef);
    expect(refs).toContain(ordered.visitNo);
    expect(refs).not.toContain(platformCase.caseNo);
  });

  it("takes the policy's default deadline and due days from 1 to 180 and 1 to 90, and refuses the rest", async () => {
    const policy = async () => (await h.http<{ rectificationDays: number; followUpWithinDays: number }>('GET', '/api/policy')).body;
    expect(await policy()).toMatchObject({ rectificationDays: 30, followUpWithinDays: 15 });
    for (const body of [
      { rectificationDays: 0 },
      { rectificationDays: 181 },
      { rectificationDays: null },
      { followUpWithinDays: 0 },
      { followUpWithinDays: 91 },
    ]) {
      expect((await h.http('PUT', '/api/policy', body)).status).toBe(400);
    }
    expect((await h.http('PUT', '/api/policy', { rectificationDays: 20, followUpWithinDays: 10 })).status).toBe(200);
    expect(await policy()).toMatchObject({ rectificationDays: 20, followUpWithinDays: 10 });
    const { inputs } = await h.app.get(DrawInputsRepository).load(APRIL);
    const followUp = inputs.triggeredTasks.find((t): t is FollowUpTrigger => t.kind === 'follow-up' && t.inspectionRef === ordered.visitNo);
    // The deadline recorded with the results stands; only the days after it change.
    expect(followUp).toMatchObject({ rectifyBy: '2025-04-10', notBefore: '2025-04-11', dueBy: '2025-04-20' });
  });

  it('looks back on orders to rectify only as far as the policy says: older ones are history, not open work', async () => {
    const refsIn = async (window: { start: string; end: string }) =>
      (await h.app.get(DrawInputsRepository).load(window)).inputs.triggeredTasks.flatMap((t) => (t.kind === 'follow-up' ? [t.inspectionRef] : []));
    const staleIn = async (window: { start: string; end: string }) => (await h.app.get(DrawInputsRepository).load(window)).meta;
    expect((await h.http<{ followUpLookbackDays: number }>('GET', '/api/policy')).body.followUpLookbackDays).toBe(365);
    for (const followUpLookbackDays of [0, 3651, 1.5, null]) expect((await h.http('PUT', '/api/policy', { followUpLookbackDays })).status).toBe(400);
    // An old order of the platform's, never inspected since: deadline 2025-01-30 (20 days on, the policy's now), 91 days before May.
    const subject = city.subjects.find(
      (s) => ['存续', '在业'].includes(s.status) && ![ordered.creditCode, defaulted.creditCode, platformCase.creditCode].includes(s.creditCode),
    );
    const old = inspectionCase('FS-SAMR-2025-000010', subject!.creditCode, 'SAMR', '2025-01-10', '责令整改');
    const before = await priorCases();
    await h.publish(IntakeSubjects.casesUpserted, { batchId: 'cases-old', records: [old] });
    await h.settle((c) => c.priorCases === before + 1);
    const may = { start: '2025-05-01', end: '2025-05-31' };
    expect(await refsIn(may)).toContain(old.caseNo);
    expect((await h.http('PUT', '/api/policy', { followUpLookbackDays: 90 })).status).toBe(200);
    expect(await refsIn(may)).not.toContain(old.caseNo);
    // Left out, but counted: the plan says how many orders its look-back cut.
    const cut = await staleIn(may);
    expect(cut.followUpLookbackDays).toBe(90);
    expect((await h.http('PUT', '/api/policy', { followUpLookbackDays: 91 })).status).toBe(200);
    expect(await refsIn(may)).toContain(old.caseNo);
    expect((await staleIn(may)).staleFollowUps).toBe(cut.staleFollowUps - 1);
    expect((await h.http('PUT', '/api/policy', { followUpLookbackDays: 365 })).status).toBe(200);
  });
});
