import { isValidCreditCode, normaliseCreditCode } from '@tianping/common';
import { ContractRow, IsIsoDateTime, IsNullableBoolean, IsOneOf, IsOptionalText, IsRequiredText } from '../contract-rules.decorator';
import { parseIsoOffsetDateTime } from '../contract-date.util';
import { textOf } from '../contract-value.util';
import { CLUE_CHANNELS, CLUE_STATUSES, ClueChannel, ClueRecord, ClueStatus, DEPARTMENT_CODES, DepartmentCode } from '../intake.model';
import { Cell } from './subject-row.dto';

/** A Platform B clue object (JSON Lines or pushed). */
export class ClueDto extends ContractRow {
  @IsRequiredText() clue_id: Cell;
  @IsOneOf(CLUE_CHANNELS) channel: Cell;
  @IsIsoDateTime() received_at: Cell;
  // Often missing or mistyped by citizens: an invalid code is kept (creditCodeValid false), a non-text one is not.
  @IsOptionalText() credit_code: Cell;
  @IsOptionalText() subject_name: Cell;
  @IsOptionalText() address: Cell;
  // The contract lists examples (food_safety, pollution...), not a closed set.
  @IsRequiredText() category: Cell;
  @IsOneOf(DEPARTMENT_CODES) department: Cell;
  @IsNullableBoolean() verified: Cell;
  @IsOneOf(CLUE_STATUSES) status: Cell;
  @IsIsoDateTime() updated_at: Cell;
}

export function toClueRecord(dto: ClueDto): ClueRecord {
  const given = textOf(dto.credit_code);
  const creditCode = given === null ? null : normaliseCreditCode(given);
  const received = parseIsoOffsetDateTime(textOf(dto.received_at) as string);
  const updated = parseIsoOffsetDateTime(textOf(dto.updated_at) as string);
  return {
    clueId: textOf(dto.clue_id) as string,
    channel: textOf(dto.channel) as ClueChannel,
    receivedAt: received.ok ? received.value : new Date(NaN),
    creditCode,
    creditCodeValid: isValidCreditCode(creditCode),
    subjectName: textOf(dto.subject_name),
    address: textOf(dto.address),
    category: textOf(dto.category) as string,
    department: textOf(dto.department) as DepartmentCode,
    verified: typeof dto.verified === 'boolean' ? dto.verified : null,
    status: textOf(dto.status) as ClueStatus,
    updatedAt: updated.ok ? updated.value : new Date(NaN),
  };
}
