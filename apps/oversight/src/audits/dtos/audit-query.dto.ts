import { QueryInt } from '@tianping/common';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, Max, MaxLength } from 'class-validator';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A period of whole days; without dates, the current quarter so far (China time). */
export class AuditPeriodQuery {
  @IsOptional() @IsString() @Matches(DAY, { message: 'from must be written YYYY-MM-DD' }) from?: string;
  @IsOptional() @IsString() @Matches(DAY, { message: 'to must be written YYYY-MM-DD' }) to?: string;
}

export class FairnessQuery extends AuditPeriodQuery {
  /** Inspections the true/false-positive rates and calibration are read on. */
  @IsOptional() @IsIn(['random', 'model', 'all']) sample?: 'random' | 'model' | 'all';
  /** 'red' flags red scores; 'yellow' flags yellow and red. */
  @IsOptional() @IsIn(['red', 'yellow']) flag?: 'red' | 'yellow';
  @IsOptional() @QueryInt(1) @Max(1_000_000) minGroupSize?: number;
}

export class DriftQuery extends AuditPeriodQuery {
  @IsOptional() @IsString() @MaxLength(128) modelVersion?: string;
}

export class RunReportDto extends AuditPeriodQuery {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(128) actor!: string;
}

export class PublishReportDto {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(128) actor!: string;
}

export class ReportsQuery {
  @IsOptional() @QueryInt(1, 500) limit?: number;
}
