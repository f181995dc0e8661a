import { Transform, Type } from 'class-transformer';
import { CREDIT_CODE_FORM, CREDIT_CODE_LIST_MESSAGE, creditCodeList, creditCodeValue, isValidCreditCode, QueryInt } from '@tianping/common';
import {
  ArrayMaxSize,
  ArrayMinSize,
  buildMessage,
  IsArray,
  IsBase64,
  IsBoolean,
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  Min,
  MinLength,
  ValidateBy,
  ValidateNested,
} from 'class-validator';
import { APPEAL_STATUSES, type AppealStatus } from '../appeals.repository';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);
/** A credit code as people type it: lower case, full-width from a Chinese input method, blanks. */
const code = ({ value }: { value: unknown }) => creditCodeValue(value);
const COLOURS = ['green', 'yellow', 'red'] as const;
/** A unified social credit code whose check character is right. */
const IsCreditCode = () =>
  ValidateBy({
    name: 'isCreditCode',
    validator: {
      validate: (v) => isValidCreditCode(v),
      defaultMessage: buildMessage((each) => `${each}$property must be a valid 18-character unified social credit code`),
    },
  });

/** Who acts is set by the web gateway from the session; the service still requires it. */
export class ActorDto {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(128) actor!: string;
}

export class ColourDecisionDto extends ActorDto {
  @Transform(trim) @IsString() @MinLength(5) @MaxLength(4000) reasons!: string;
  /** Omitted or the model's colour: confirm; another colour: override. */
  @IsOptional() @IsIn(COLOURS) colour?: (typeof COLOURS)[number];
}

/** What the enterprise's file said of a challenged record at filing (the web gateway adds it): a case's or a complaint's facts. */
export class ChallengedRecordDto {
  @IsOptional() @IsString() @MaxLength(10) date?: string | null;
  @IsOptional() @IsString() @MaxLength(10) receivedOn?: string | null;
  @IsOptional() @IsString() @MaxLength(500) department?: string | null;
  @IsOptional() @IsString() @MaxLength(500) kind?: string | null;
  @IsOptional() @IsString() @MaxLength(500) origin?: string | null;
  @IsOptional() @IsString() @MaxLength(500) result?: string | null;
  @IsOptional() @IsString() @MaxLength(500) violation?: string | null;
  @IsOptional() @IsBoolean() violationFound?: boolean | null;
  @IsOptional() @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) penaltyYuan?: number | null;
  @IsOptional() @IsString() @MaxLength(500) category?: string | null;
  @IsOptional() @IsBoolean() verified?: boolean | null;
  @IsOptional() @IsString() @MaxLength(500) status?: string | null;
}

export class ChallengeDto {
  @IsIn(['clue', 'case']) kind!: 'clue' | 'case';
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) recordId!: string;
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(1000) claim!: string;
  @IsOptional() @ValidateNested() @Type(() => ChallengedRecordDto) record?: ChallengedRecordDto;
}

export class EvidenceDto {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(200) name!: string;
  @IsString() @Matches(/^[\w.+-]+\/[\w.+-]+$/) @MaxLength(100) contentType!: string;
  /** The file, base64: at most ~2 MB each (the body limit bounds the whole filing). */
  @IsString() @IsBase64() @MaxLength(2_800_000) contentBase64!: string;
}

export class FileAppealDto extends ActorDto {
  @Transform(code) @IsCreditCode() creditCode!: string;
  @Transform(trim) @IsString() @MinLength(10) @MaxLength(8000) grounds!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => ChallengeDto) challenges?: ChallengeDto[];
  @IsOptional() @IsArray() @ArrayMaxSize(5) @ValidateNested({ each: true }) @Type(() => EvidenceDto) evidence?: EvidenceDto[];
}

export class CorrectionDto {
  @IsIn(['clue', 'case']) kind!: 'clue' | 'case';
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(64) recordId!: string;
  @IsIn(['unlink', 'mark-false', 'revoke']) action!: 'unlink' | 'mark-false' | 'revoke';
}

export class DecideAppealDto extends ActorDto {
  @IsIn(['upheld', 'corrected', 'overridden']) outcome!: 'upheld' | 'corrected' | 'overridden';
  @Transform(trim) @IsString() @MinLength(5) @MaxLength(8000) reasons!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(50) @ValidateNested({ each: true }) @Type(() => CorrectionDto) corrections?: CorrectionDto[];
  @IsOptional() @IsIn(COLOURS) overrideColour?: (typeof COLOURS)[number];
}

/** The enterprise takes back its appeal; a reason is optional (blank is none). */
export class WithdrawAppealDto extends ActorDto {
  @IsOptional() @Transform(trim) @IsString() @MaxLength(500) reason?: string;
}

/** A page's cursor: the time and id of the last row seen. One not so written would silently give the first page again. */
const PAGE_CURSOR = /^[^|]+\|[^|]+$/;

export class AppealQuery {
  @IsOptional() @IsIn(APPEAL_STATUSES) status?: AppealStatus;
  @IsOptional() @Transform(code) @IsCreditCode() creditCode?: string;
  @IsOptional() @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value)) @IsBoolean() overdue?: boolean;
  @IsOptional() @QueryInt(1, 200) limit?: number;
  /** Paging: `dueAt|id` of the last row seen. */
  @IsOptional() @IsString() @MaxLength(200) @Matches(PAGE_CURSOR, { message: 'after is the last row seen, as dueAt|id' }) after?: string;
}

export class QueueQuery {
  @IsOptional() @QueryInt(1, 200) limit?: number;
  /** Paging: `requestedAt|id` of the last row seen. */
  @IsOptional() @IsString() @MaxLength(200) @Matches(PAGE_CURSOR, { message: 'after is the last row seen, as requestedAt|id' }) after?: string;
}

/** Up to 100 credit codes, comma-separated, typed as people type them (lower case, full-width, blanks). */
export class CodesQuery {
  @Transform(({ value }) => creditCodeList(value))
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(100)
  @Matches(CREDIT_CODE_FORM, { each: true, message: CREDIT_CODE_LIST_MESSAGE })
  codes!: string[];
}
