import { CREDIT_CODE_FORM, QueryInt } from '@tianping/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class EntriesQuery {
  /** Page after this seq (keyset pagination). */
  @IsOptional() @QueryInt(-1) after?: number;
  /** 'newest' lists the latest entries first, paging back with `before`; 'oldest' (the default) pages on with `after`. */
  @IsOptional() @IsIn(['oldest', 'newest']) order?: 'oldest' | 'newest';
  /** With order=newest: the page before this seq. */
  @IsOptional() @QueryInt(0) before?: number;
  @IsOptional() @QueryInt(1, 1000) limit?: number;
  @IsOptional() @IsString() @Matches(/^[a-z][a-z0-9.-]*$/) @MaxLength(64) kind?: string;
  /** e.g. a credit code or a model version. */
  @IsOptional() @IsString() @MaxLength(128) subjectRef?: string;
}

export class ConsistencyQuery {
  @QueryInt(1) from!: number;
  @QueryInt(1) to!: number;
}

/** A read of personal data in full, logged before the data is shown: who, their role, whose, why. */
export class PersonalDataReadDto {
  @IsString() @MaxLength(128) @Matches(/\S/) actor!: string;
  @IsString() @MaxLength(32) @Matches(/^[a-z-]+$/) role!: string;
  @IsString() @Matches(CREDIT_CODE_FORM) creditCode!: string;
  @IsString() @MaxLength(200) route!: string;
  @IsString() @MaxLength(500) @Matches(/\S.{3,}\S/) reason!: string;
}
