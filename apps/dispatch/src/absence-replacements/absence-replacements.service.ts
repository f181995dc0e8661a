import { ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import type { EntityManager } from 'typeorm';
import { chinaDay } from '@tianping/common';
import type { VisitTeamChanged } from '@tianping/contracts';
import { proposeDayCover, type DayCoverRefusal, type TeamChangeInput } from '@tianping/planner';
import type { AbsenceDays } from '../absences/absence.util';
import { TeamChangesRepository } from '../team-changes/team-changes.repository';
import { TeamChangesService } from '../team-changes/team-changes.service';
import type { VisitRow } from '../visits/visits.repository';
import { VisitsService } from '../visits/visits.service';
import { AbsenceReplacementsRepository } from './absence-replacements.repository';
import type { AbsenceReplacementDto } from './dtos/absence-replacement.dto';

interface ProposedVisit {
  visitId: string;
  visitNo: string;
  creditCode: string;
  routeKey: string;
  officerIds: string[];
}

export interface ProposedDay {
  date: string;
  /** The one officer proposed for the day's visits, or null when no one free may take any. */
  officerIn: string | null;
  visits: ProposedVisit[];
  uncovered: (ProposedVisit & DayCoverRefusal)[];
}

interface Planned {
  day: ProposedDay;
  covered: { visit: VisitRow; input: TeamChangeInput }[];
}

/**
 * An absent officer replaced on every scheduled visit of the absence's days in one act: per day one officer
 * free that day takes all the visits the draw's rules allow, so each route keeps one team. The dispatcher sees
 * the proposal and confirms it; each visit then changes through the single team change's code, in one transaction.
 */
@Injectable()
export class AbsenceReplacementsService {
  constructor(
    private readonly absences: AbsenceReplacementsRepository,
    private readonly changes: TeamChangesRepository,
    private readonly teamChanges: TeamChangesService,
    private readonly visits: VisitsService,
  ) {}

  async proposal(absenceId: string) {
    return this.absences.transaction(async (m) => {
      const absence = await this.absence(m, absenceId, false);
      const days = await this.plan(m, absence, false);
      return { ...this.header(absence), days: days.map((d) => d.day) };
    });
  }

  async apply(absenceId: string, dto: AbsenceReplacementDto) {
    return this.absences.transaction(async (m) => {
      const absence = await this.absence(m, absenceId, true);
      const days = await this.plan(m, absence, true);
      if (!sameAsConfirmed(days, dto))
        throw new ConflictException({
          statusCode: 409,
          code: 'proposal_changed',
          message: 'the visits or the officers free have changed since the proposal: read it again and confirm the new one',
          proposal: { ...this.header(absence), days: days.map((d) => d.day) },
        });
      const by = { reason: dto.reason, actor: dto.actor ?? null };
      const changes: VisitTeamChanged[] = [];
      for (const { day, covered } of days) {
        const routes = new Map<string, { visit: VisitRow; team: string[] }[]>();
        for (const { visit } of covered) {
          // Read again for each visit: the visits the newcomer took before it count against the day's capacity.
          const input = await this.teamChanges.rulesInput(m, visit, absence.officerId);
          const event = await this.teamChanges.apply(m, input, visit, { officerIn: day.officerIn!, how: { how: 'picked' } }, by);
          changes.push(event);
          const key = `${visit.drawId}|${visit.routeKey}|${event.officerIds.join(',')}`;
          routes.set(key, [...(routes.get(key) ?? []), { visit, team: event.officerIds }]);
        }
        for (const stops of routes.values())
          await this.changes.leaveRoute(
            m,
            stops[0].visit,
            stops.map((s) => s.visit),
            stops[0].team,
          );
      }
      return {
        ...this.header(absence),
        changed: changes.map((c) => ({
          changeId: c.changeId,
          visitId: c.visitId,
          visitNo: c.visitNo,
          date: c.date,
          officerIn: c.officerIn,
          officerIds: c.officerIds,
        })),
        uncovered: days.flatMap((d) => d.day.uncovered.map((u) => ({ ...u, date: d.day.date }))),
      };
    });
  }

  private header(a: AbsenceDays & { id: string; kind: string }) {
    return { absenceId: a.id, officerId: a.officerId, from: a.from, to: a.to, kind: a.kind };
  }

  private async absence(m: EntityManager, id: string, lock: boolean) {
    const absence = await this.absences.current(m, id, lock);
    if (!absence) throw new NotFoundException('no such absence, or it was withdrawn');
    return absence;
  }

  /** Each day from today on: the visits still sending the officer, and who may take them all. Locked when applying. */
  private async plan(m: EntityManager, absence: AbsenceDays, lock: boolean): Promise<Planned[]> {
    const today = chinaDay();
    const from = absence.from > today ? absence.from : today;
    if (from > absence.to) return [];
    const byDay = new Map<string, string[]>();
    for (const row of await this.absences.sendingVisits(m, absence.officerId, from, absence.to)) byDay.set(row.date, [...(byDay.get(row.date) ?? []), row.id]);
    const planned: Planned[] = [];
    for (const [date, ids] of byDay) {
      if (lock) await this.changes.lockDay(m, date);
      const visits: { visit: VisitRow; input: TeamChangeInput }[] = [];
      for (const id of ids) {
        const visit = await this.visits.found(id, m, lock);
        this.teamChanges.assertChangeable(visit, absence.officerId);
        visits.push({ visit, input: await this.teamChanges.rulesInput(m, visit, absence.officerId) });
      }
      const cover = proposeDayCover(visits.map((v) => ({ id: v.visit.id, input: v.input })));
      const shown = (v: VisitRow): ProposedVisit => ({
        visitId: v.id,
        visitNo: v.visitNo,
        creditCode: v.creditCode,
        routeKey: v.routeKey,
        officerIds: v.officerIds,
      });
      const byId = new Map(visits.map((v) => [v.visit.id, v]));
      const covered = cover.covered.map((id) => byId.get(id)!);
      planned.push({
        covered,
        day: {
          date,
          officerIn: cover.officerIn,
          visits: covered.map((v) => shown(v.visit)),
          uncovered: cover.uncovered.map((u) => ({ ...shown(byId.get(u.id)!.visit), ...u.refusal })),
        },
      });
    }
    return planned;
  }
}

/** The dispatcher confirmed exactly what is proposed now: the same officer on the same visits each day. */
function sameAsConfirmed(days: Planned[], dto: AbsenceReplacementDto): boolean {
  const proposed = days.filter((d) => d.day.officerIn !== null);
  if (proposed.length !== dto.days.length) return false;
  const confirmed = new Map(dto.days.map((d) => [d.date, d]));
  return proposed.every(({ day }) => {
    const c = confirmed.get(day.date);
    const ids = day.visits.map((v) => v.visitId).sort();
    return c?.officerIn === day.officerIn && [...c.visitIds].sort().join() === ids.join();
  });
}
