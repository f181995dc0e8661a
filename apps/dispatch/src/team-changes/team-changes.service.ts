import { randomBytes, randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chinaDay, normaliseOfficerId } from '@tianping/common';
import { DispatchSubjects, type VisitTeamChanged } from '@tianping/contracts';
import { enqueueEvent } from '@tianping/messaging';
import { drawReplacement, eligibleReplacements, refusalCounts, replacementRefusal, type TeamChangeInput } from '@tianping/planner';
import { DISPATCH_SCHEMA } from '../database/dispatch.data-source';
import { DrawInputsRepository } from '../draw/draw-inputs.repository';
import { PlansRepository } from '../plans/plans.repository';
import type { VisitRow } from '../visits/visits.repository';
import { VisitsService } from '../visits/visits.service';
import type { TeamChangeDto } from './dtos/team-change.dto';
import { TeamChangesRepository } from './team-changes.repository';

/**
 * Replacing one officer of a scheduled visit (a conflict declared after publishing, an officer away),
 * under the rules the draw keeps; the newcomer picked by the dispatcher or drawn at random with a seed.
 */
@Injectable()
export class TeamChangesService {
  constructor(
    private readonly changes: TeamChangesRepository,
    private readonly visits: VisitsService,
    private readonly register: DrawInputsRepository,
    private readonly settings: PlansRepository,
  ) {}

  /** Who may take the officer's place, fewest visits that day first, and how many others each rule keeps out. */
  async replacements(idOrNumber: string, officer: string) {
    return this.changes.transaction(async (m) => {
      const visit = await this.visits.found(idOrNumber, m);
      const officerOut = normaliseOfficerId(officer);
      this.assertChangeable(visit, officerOut);
      const input = await this.rulesInput(m, visit, officerOut);
      const candidates = eligibleReplacements(input);
      // Counts only, no officer named: why the others may not come.
      const excluded = refusalCounts(input);
      return { visitId: visit.id, visitNo: visit.visitNo, date: visit.date, officerOut, officerIds: visit.officerIds, candidates, excluded };
    });
  }

  async change(idOrNumber: string, dto: TeamChangeDto) {
    return this.changes.transaction(async (m) => {
      const found = await this.visits.found(idOrNumber, m);
      await this.changes.lockDay(m, found.date);
      const visit = await this.visits.found(found.id, m, true);
      const officerOut = normaliseOfficerId(dto.officerOut);
      this.assertChangeable(visit, officerOut);
      const input = await this.rulesInput(m, visit, officerOut);
      const event = await this.apply(m, input, visit, this.choose(input, dto), { reason: dto.reason, actor: dto.actor ?? null });
      await this.changes.leaveRoute(m, visit, [visit], event.officerIds);
      return { ...event, reason: dto.reason.trim() };
    });
  }

  /**
   * One change under the rules, recorded with its reason and sent to oversight, in the caller's transaction
   * (the day locked, the visit read under its lock). The caller moves the visit's route (`leaveRoute`).
   */
  async apply(
    m: EntityManager,
    input: TeamChangeInput,
    visit: VisitRow,
    chosen: { officerIn: string; how: VisitTeamChanged['chosen'] },
    by: { reason: string; actor: string | null },
  ): Promise<VisitTeamChanged> {
    const { officerOut } = input;
    const refusal = replacementRefusal(input, chosen.officerIn);
    if (refusal) throw new ConflictException({ statusCode: 409, code: refusal.code, message: refusal.message });
    const team = [...visit.officerIds.filter((id) => id !== officerOut), chosen.officerIn].sort();
    await this.changes.swapOfficer(m, visit.id, officerOut, chosen.officerIn);
    const changeId = randomUUID();
    const at = await this.changes.record(m, {
      id: changeId,
      visitId: visit.id,
      officerOut,
      officerIn: chosen.officerIn,
      chosen: chosen.how.how,
      seed: chosen.how.how === 'random' ? chosen.how.seed : null,
      candidates: chosen.how.how === 'random' ? chosen.how.candidates : null,
      reason: by.reason.trim(),
      actor: by.actor,
    });
    const event: VisitTeamChanged = {
      changeId,
      visitId: visit.id,
      visitNo: visit.visitNo,
      creditCode: visit.creditCode,
      date: visit.date,
      officerOut,
      officerIn: chosen.officerIn,
      officerIds: team,
      chosen: chosen.how,
      actor: by.actor,
      at,
    };
    await enqueueEvent(m, DISPATCH_SCHEMA, DispatchSubjects.visitTeamChanged, event);
    return event;
  }

  /** The changes made to a visit's team, with their reasons: for the bureau and oversight, never the enterprise. */
  async history(idOrNumber: string) {
    const visit = await this.visits.found(idOrNumber);
    return this.changes.forVisit(visit.id);
  }

  private choose(input: TeamChangeInput, dto: TeamChangeDto): { officerIn: string; how: VisitTeamChanged['chosen'] } {
    if (dto.how === 'picked') {
      if (!dto.officerIn)
        throw new BadRequestException({
          statusCode: 400,
          code: 'officer_in_missing',
          message: 'name the officer who takes the place (officerIn), or draw one at random',
        });
      return { officerIn: normaliseOfficerId(dto.officerIn), how: { how: 'picked' } };
    }
    const candidates = eligibleReplacements(input)
      .map((c) => c.officerId)
      .sort();
    const seed = randomBytes(16).toString('hex');
    const officerIn = drawReplacement(candidates, seed);
    if (!officerIn) throw new ConflictException({ statusCode: 409, code: 'no_candidate', message: 'no officer may take this place on that day' });
    return { officerIn, how: { how: 'random', seed, candidates } };
  }

  assertChangeable(visit: VisitRow, officerOut: string): void {
    if (visit.status !== 'scheduled')
      throw new ConflictException({
        statusCode: 409,
        code: 'not_scheduled',
        message: `visit ${visit.visitNo} is ${visit.status}: only a scheduled visit's team can change`,
      });
    if (visit.date < chinaDay())
      throw new ConflictException({
        statusCode: 409,
        code: 'day_passed',
        message: `visit ${visit.visitNo} was due on ${visit.date}: a past day's team is not changed`,
      });
    if (!visit.officerIds.includes(officerOut))
      throw new BadRequestException({ statusCode: 400, code: 'officer_not_on_team', message: `officer ${officerOut} is not on visit ${visit.visitNo}'s team` });
  }

  async rulesInput(m: EntityManager, visit: VisitRow, officerOut: string): Promise<TeamChangeInput> {
    const policy = await this.settings.policy(m);
    // Read in this transaction: an absence entered meanwhile is seen, and the officer is not named.
    const [officers, priorInspections, laterVisits, visitsThatDay] = [
      await this.register.officers(policy.officerDailyCapacity, { start: visit.date, end: visit.date }, m),
      await this.changes.priorInspections(m, visit.creditCode, visit.date, visit.id),
      await this.changes.laterVisits(m, visit.creditCode, visit.date),
      await this.changes.visitsThatDay(m, visit.date),
    ];
    return { visit, officerOut, officers, priorInspections, laterVisits, visitsThatDay };
  }
}
