import { randomUUID } from 'node:crypto';
import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { isIsoDay, normaliseOfficerId } from '@tianping/common';
import { enqueueSettingChange } from '../plans/setting-change.util';
import { absenceKey, absenceRangeProblem, type AbsenceDays, type AbsenceKind } from './absence.util';
import { AbsencesRepository, type StoredAbsence } from './absences.repository';
import type { AbsenceDto } from './dtos/absence.dto';

/**
 * Officers away (请假, 培训, 外出): the next draw does not schedule them on those days and a replacement may
 * not name them. Visits already published are not moved: the answer names those still sending the officer.
 */
@Injectable()
export class AbsencesService {
  constructor(private readonly absences: AbsencesRepository) {}

  list(filter: { officer?: string; from?: string; to?: string }) {
    // The form is checked by the query's class; a day that does not exist (2027-02-30) is refused here, not by the database.
    if ([filter.from, filter.to].some((day) => day !== undefined && !isIsoDay(day)))
      throw new BadRequestException('from and to must be real days written YYYY-MM-DD');
    return this.absences.list({ ...filter, officer: filter.officer && normaliseOfficerId(filter.officer) });
  }

  async add(dto: AbsenceDto): Promise<StoredAbsence> {
    const officerId = normaliseOfficerId(dto.officerId);
    const problem = absenceRangeProblem(dto.from, dto.to);
    if (problem) throw new BadRequestException({ statusCode: 400, code: 'invalid_range', message: problem });
    return this.absences.transaction(async (m) => {
      if (!(await this.absences.officerExists(m, officerId)))
        throw new BadRequestException({ statusCode: 400, code: 'officer_unknown', message: `officer ${officerId} is not in the register` });
      await this.absences.lockOfficer(m, officerId);
      const [overlap] = await this.absences.list({ officer: officerId, from: dto.from, to: dto.to }, m);
      if (overlap)
        throw new ConflictException({
          statusCode: 409,
          code: 'absence_overlaps',
          message: `officer ${officerId} is already absent from ${overlap.from} to ${overlap.to}: withdraw that absence or enter the days outside it`,
          absenceId: overlap.id,
        });
      const id = randomUUID();
      const actor = dto.actor ?? null;
      await this.absences.insert(m, { id, officerId, from: dto.from, to: dto.to, kind: dto.kind, actor });
      const after = recorded({ officerId, from: dto.from, to: dto.to, kind: dto.kind });
      await enqueueSettingChange(m, { setting: 'officer-absence', key: absenceKey(after), before: null, after, actor });
      return (await this.absences.find(m, id))!;
    });
  }

  async withdraw(id: string, actor?: string): Promise<{ id: string; withdrawn: true }> {
    return this.absences.transaction(async (m) => {
      const before = await this.absences.withdraw(m, id, actor ?? null);
      if (!before) throw new NotFoundException('no such absence, or it was withdrawn already');
      await enqueueSettingChange(m, { setting: 'officer-absence', key: absenceKey(before), before: recorded(before), after: null, actor: actor ?? null });
      return { id, withdrawn: true };
    });
  }
}

/** What oversight's record keeps of an absence: the officer, the days and the kind, nothing else. */
function recorded(a: AbsenceDays & { kind: AbsenceKind }) {
  return { officerId: a.officerId, from: a.from, to: a.to, kind: a.kind };
}
