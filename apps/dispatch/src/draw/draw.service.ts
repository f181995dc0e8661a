import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { randomBytes, randomUUID } from 'node:crypto';
import { gunzipSync, gzipSync } from 'node:zlib';
import { chinaDay, isIsoDay } from '@tianping/common';
import { DispatchSubjects, type DrawCompleted, type PlanPublished } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { isFollowUp, workingDaysIn, type JointVisit, type PlanningWindow, type TriggeredTask } from '@tianping/planner';
import { DISPATCH_SCHEMA } from '../database/dispatch.data-source';
import { PlansRepository } from '../plans/plans.repository';
import type { VisitFollowUp } from '../visits/visits.repository';
import { drawEventParts } from './draw-event-parts.util';
import { DrawInputsRepository, type InputsMeta } from './draw-inputs.repository';
import { DrawRepository, type DrawRecord, type LookbackFigures } from './draw.repository';
import { DrawTasksRepository, type PlacedTask } from './draw-tasks.repository';
import type { DrawTasksQuery } from './dtos/draw.dto';
import { canonicalInputs, PLAN_CHECKER, runPlanning, sha256, type PlanningInputs, type PlanningRun } from './planning.util';

export interface DrawOptions {
  /** Plan and check without recording or publishing anything. */
  dryRun?: boolean;
  /**
   * Record a window that has already begun: a plan made before the system, carried over. Without it
   * such a draw is refused, because publishing it would cancel scheduled visits and schedule new ones
   * on days already gone. The flag is recorded with the draw and in the oversight record.
   */
  backfill?: boolean;
}

export interface DrawOutcome {
  id: string;
  seed: string;
  window: { from: string; to: string };
  status: 'published' | 'rejected';
  suspended: boolean;
  backfill: boolean;
  modelVersion: string | null;
  inputsFingerprint: string;
  resultFingerprint: string;
  tasks: number;
  visits: number;
  unscoredEnterprises: number;
  checker: { name: string; ran: true; violations: number; firstViolations: string[] };
  figures: PlanningRun['figures'] & LookbackFigures;
  supersededDrawIds: string[];
}

/**
 * Draws, plans and checks a window, then records everything needed to re-draw it. A plan the
 * independent checker rejects is stored as rejected, with its violations, and never published.
 */
@Injectable()
export class DrawService {
  constructor(
    private readonly inputsRepository: DrawInputsRepository,
    private readonly draws: DrawRepository,
    private readonly settings: PlansRepository,
    private readonly placedTasks: DrawTasksRepository,
  ) {}

  async draw(window: PlanningWindow, givenSeed?: string, options: DrawOptions = {}): Promise<DrawOutcome> {
    checkWindow(window);
    const backfill = options.backfill === true;
    if (!options.dryRun && !backfill) checkNotBegun(window);
    if (!options.dryRun) checkNotTooFarAhead(window);
    const seed = givenSeed ?? randomBytes(16).toString('hex');
    const loaded = await this.inputsRepository.load(window);
    const { inputs, text: inputsText } = canonicalInputs(loaded.inputs);
    checkHasWorkingDay(inputs);
    const run = runPlanning(inputs, seed);
    const id = randomUUID();
    const status = run.violations.length === 0 ? 'published' : 'rejected';
    const outcome = this.outcome(id, seed, inputs, loaded.meta, sha256(inputsText), run, status, backfill);
    if (options.dryRun) return outcome;
    outcome.supersededDrawIds = await this.record(outcome, inputsText, inputs, run);
    return outcome;
  }

  private outcome(
    id: string,
    seed: string,
    inputs: PlanningInputs,
    meta: InputsMeta,
    inputsFingerprint: string,
    run: PlanningRun,
    status: 'published' | 'rejected',
    backfill: boolean,
  ): DrawOutcome {
    return {
      id,
      seed,
      window: { from: inputs.window.start, to: inputs.window.end },
      status,
      suspended: run.draw.suspended,
      backfill,
      modelVersion: meta.modelVersion,
      inputsFingerprint,
      resultFingerprint: run.resultFingerprint,
      tasks: run.draw.tasks.length,
      visits: run.plan.visits.length,
      unscoredEnterprises: meta.unscoredEnterprises,
      checker: { name: PLAN_CHECKER, ran: true, violations: run.violations.length, firstViolations: run.violations.slice(0, 5).map((v) => v.message) },
      figures: {
        ...run.figures,
        complaintLookbackDays: meta.complaintLookbackDays,
        staleComplaints: meta.staleComplaints,
        followUpLookbackDays: meta.followUpLookbackDays,
        staleFollowUps: meta.staleFollowUps,
        calendarUnsetYears: meta.calendarUnsetYears,
      },
      supersededDrawIds: [],
    };
  }

  private async record(outcome: DrawOutcome, inputsText: string, inputs: PlanningInputs, run: PlanningRun): Promise<string[]> {
    const advanceNotice = new Map((await this.settings.plans()).map((p) => [p.department, p.advanceNotice]));
    return this.draws.transaction(async (m) => {
      await this.draws.insertDraw(m, {
        id: outcome.id,
        seed: outcome.seed,
        window: outcome.window,
        status: outcome.status,
        suspended: outcome.suspended,
        backfill: outcome.backfill,
        modelVersion: outcome.modelVersion,
        explorationShare: run.draw.explorationShare,
        inputsFingerprint: outcome.inputsFingerprint,
        resultFingerprint: outcome.resultFingerprint,
        inputsGz: gzipSync(inputsText),
        tasks: run.draw.tasks,
        strata: run.draw.strata,
        unassigned: run.plan.unassigned,
        figures: outcome.figures,
        checker: PLAN_CHECKER,
        violationCount: run.violations.length,
        violations: run.violations,
        plannedVisits: outcome.status === 'published' ? run.plan.visits.length : 0,
      });
      let superseded: string[] = [];
      if (outcome.status === 'published') {
        const gaveWay = await this.draws.giveWay(m, outcome.id, outcome.window.from, outcome.window.to);
        superseded = gaveWay.superseded;
        const visitIds = new Map(run.plan.visits.map((v) => [v.id, randomUUID()]));
        const tasks = new Map(run.draw.tasks.map((t) => [t.id, t]));
        const followUps = followUpsByTask(inputs.triggeredTasks, run.draw.tasks);
        const facts = new Map(run.plan.visits.map((v) => [v.id, visitFacts(v, tasks, advanceNotice, followUps)]));
        await this.draws.insertPlan(m, outcome.id, run.plan, visitIds, facts);
        await this.draws.markComplaintsServed(
          m,
          outcome.id,
          run.plan.visits.flatMap((v) => facts.get(v.id)?.clueIds ?? []),
        );
        const published: PlanPublished = {
          drawId: outcome.id,
          window: outcome.window,
          visits: run.plan.visits.length,
          routes: run.plan.routes.length,
          unassignedTasks: run.plan.unassigned.length,
          supersededDrawIds: superseded,
          ...(gaveWay.cut.length ? { cutDrawIds: gaveWay.cut } : {}),
          at: new Date().toISOString(),
        };
        await enqueueEvent(m, DISPATCH_SCHEMA, DispatchSubjects.planPublished, published);
      }
      const completed: Omit<DrawCompleted, 'part' | 'parts' | 'taskCount'> = {
        drawId: outcome.id,
        seed: outcome.seed,
        window: outcome.window,
        inputsFingerprint: outcome.inputsFingerprint,
        modelSuspended: outcome.suspended,
        modelVersion: outcome.modelVersion,
        explorationShare: run.draw.explorationShare,
        tasks: run.draw.tasks.map((t) => ({ department: t.department, creditCode: t.creditCode, reason: t.reason })),
        planStatus: outcome.status,
        planViolations: run.violations.length,
        ...(outcome.backfill ? { backfill: true } : {}),
        at: new Date().toISOString(),
      };
      for (const part of drawEventParts(completed)) await enqueueEvent(m, DISPATCH_SCHEMA, DispatchSubjects.drawCompleted, part);
      return superseded;
    });
  }

  async get(id: string): Promise<Omit<DrawRecord, 'inputsGz'> & { tasks: unknown[] }> {
    const record = await this.found(id);
    const { inputsGz: _inputs, ...rest } = record;
    return { ...rest, tasks: await this.draws.tasks(id) };
  }

  list(limit: number) {
    return this.draws.list(limit);
  }

  async tasks(id: string, query: DrawTasksQuery): Promise<PlacedTask[]> {
    await this.found(id);
    return this.placedTasks.list(id, query);
  }

  /** The canonical inputs of a draw, exactly as hashed: with the seed, enough to re-draw anywhere. */
  async inputs(id: string): Promise<{ seed: string; inputsFingerprint: string; inputs: PlanningInputs }> {
    const record = await this.found(id);
    return { seed: record.seed, inputsFingerprint: record.inputsFingerprint, inputs: JSON.parse(gunzipSync(record.inputsGz).toString('utf8')) };
  }

  /** Re-runs the draw and the plan from the stored seed and inputs and compares with what was recorded. */
  async redrawCheck(id: string) {
    const record = await this.found(id);
    const text = gunzipSync(record.inputsGz).toString('utf8');
    const inputsIntact = sha256(text) === record.inputsFingerprint;
    const run = runPlanning(JSON.parse(text) as PlanningInputs, record.seed);
    const identical = inputsIntact && run.resultFingerprint === record.resultFingerprint;
    return {
      drawId: id,
      seed: record.seed,
      inputsFingerprint: record.inputsFingerprint,
      inputsIntact,
      recordedResultFingerprint: record.resultFingerprint,
      redrawnResultFingerprint: run.resultFingerprint,
      identical,
      checkerViolations: run.violations.length,
    };
  }

  private async found(id: string): Promise<DrawRecord> {
    const record = /^[0-9a-f-]{36}$/i.test(id) ? await this.draws.find(id) : null;
    if (!record) throw new NotFoundException(`no draw ${id}`);
    return record;
  }
}

const MAX_WINDOW_DAYS = 366;

function checkWindow(window: PlanningWindow): void {
  if (!isIsoDay(window.start) || !isIsoDay(window.end)) throw new BadRequestException('dates must be real days written YYYY-MM-DD');
  const days = (Date.parse(window.end) - Date.parse(window.start)) / 86_400_000 + 1;
  if (days < 1) throw new BadRequestException('the window must not end before it starts');
  if (days > MAX_WINDOW_DAYS) throw new BadRequestException(`a planning window spans at most ${MAX_WINDOW_DAYS} days`);
}

/** A window of weekends and holidays only would draw tasks no one can visit: refused rather than recorded. */
function checkHasWorkingDay(inputs: PlanningInputs): void {
  if (workingDaysIn(inputs.window, inputs.calendar).length > 0) return;
  throw new BadRequestException({
    statusCode: 400,
    // A code as well as words: the pages say it in their reader's language.
    reason: 'no-working-day',
    message: `the window ${inputs.window.start} to ${inputs.window.end} holds no working day (only weekends and holidays): no visit could be scheduled in it`,
  });
}

/** A window that has begun (in China's calendar) is only recorded as an explicit backfill. */
function checkNotBegun(window: PlanningWindow): void {
  const today = chinaDay();
  if (window.start < today) {
    throw new BadRequestException(
      `the window starts ${window.start}, before today (${today}): publishing it would cancel scheduled visits and schedule new ones on days already gone; ` +
        'choose a window from today on, or record a plan made before the system as a backfill (backfill: true; --backfill with tianping plan)',
    );
  }
}

const MAX_DAYS_AHEAD = 366;

/** A plan ranks enterprises by today's scores: one drawn more than a year ahead is a mistyped year (2207 for 2027), not a plan. */
function checkNotTooFarAhead(window: PlanningWindow): void {
  const latest = chinaDay(Date.now() + MAX_DAYS_AHEAD * 86_400_000);
  if (window.start > latest) {
    throw new BadRequestException(
      `the window starts ${window.start}, more than a year ahead (after ${latest}): plans are drawn at most a year ahead, by today's scores; check the year`,
    );
  }
}

/** The follow-ups of the draw's inputs by the task that holds them, as a visit keeps them. */
function followUpsByTask(triggered: TriggeredTask[], tasks: PlanningRun['draw']['tasks']): Map<string, VisitFollowUp[]> {
  const byRef = new Map<string, VisitFollowUp>();
  for (const t of triggered) {
    if (!isFollowUp(t)) continue;
    const entry = { department: t.department, inspectionRef: t.inspectionRef, inspectedOn: t.inspectedOn, rectifyBy: t.rectifyBy };
    byRef.set(`${t.department}|${t.creditCode}|${t.inspectionRef}`, entry);
  }
  const byTask = new Map<string, VisitFollowUp[]>();
  for (const task of tasks) {
    const held = (task.followUps ?? []).flatMap((ref) => byRef.get(`${task.department}|${task.creditCode}|${ref}`) ?? []);
    if (held.length > 0) byTask.set(task.id, held);
  }
  return byTask;
}

/**
 * Why a visit happens (a visit carrying a re-inspection says `follow-up` even when its department was
 * drawn too), which complaints and follow-ups it answers, and whether the enterprise may be told in advance.
 */
function visitFacts(
  visit: JointVisit,
  tasks: Map<string, PlanningRun['draw']['tasks'][number]>,
  advanceNotice: Map<string, boolean>,
  followUpsByTask: Map<string, VisitFollowUp[]>,
) {
  const own = visit.taskIds.flatMap((id) => tasks.get(id) ?? []);
  const clueIds = [...new Set(own.flatMap((t) => t.clueIds))].sort();
  const followUps = visit.taskIds
    .flatMap((id) => followUpsByTask.get(id) ?? [])
    .sort((a, b) => a.department.localeCompare(b.department) || a.inspectionRef.localeCompare(b.inspectionRef));
  // A complaint is checked unannounced; otherwise each department on the visit must allow notice.
  const noticeAllowed = clueIds.length === 0 && visit.departments.every((d) => advanceNotice.get(d) ?? false);
  const reasons = [...new Set([...own.map((t) => t.reason), ...(followUps.length > 0 ? ['follow-up' as const] : [])])].sort();
  return { reasons, clueIds, followUps, noticeAllowed };
}
