import { CREDIT_CODE_FORM, CREDIT_CODE_FORM_MESSAGE, creditCodeValue } from '@tianping/common';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsBoolean,
  IsIn,
  IsInt,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';

export class ColourRatiosDto {
  @IsNumber() @Min(0) @Max(1) red!: number;
  @IsNumber() @Min(0) @Max(1) yellow!: number;
  @IsNumber() @Min(0) @Max(1) green!: number;
}

/** A department's double-random plan: shares per year by colour, cap, exemptions, checklist. */
export class DepartmentPlanDto {
  @ValidateNested() @Type(() => ColourRatiosDto) annualRatios!: ColourRatiosDto;
  /** Share per year drawn when oversight has suspended the model (no colours). */
  @IsNumber() @Min(0) @Max(1) uniformAnnualRatio!: number;
  @IsInt() @Min(0) @Max(52) annualCapPerEnterprise!: number;
  @IsArray() @ArrayNotEmpty() @ArrayMaxSize(200) @Matches(/^[A-Z]{2,10}-\d{2}$/, { each: true }) checklist!: string[];
  @IsOptional() @IsArray() @ArrayMaxSize(100_000) @IsString({ each: true }) exemptions?: string[];
  /** GB/T 4754 section letters supervised; omit or null for every enterprise. */
  @IsOptional() @IsArray() @IsIn([...'ABCDEFGHIJKLMNOPQRST'], { each: true }) supervisedSections?: string[] | null;
  @IsOptional() @IsBoolean() coordinated?: boolean;
  /** Whether enterprises may be told of this department's visits in advance. */
  @IsOptional() @IsBoolean() advanceNotice?: boolean;
  /** Who makes the change: the web gateway sets the signed-in dispatcher; an operator's direct call may leave it out. */
  @IsOptional() @IsString() @MaxLength(64) actor?: string;
  /** The `version` the plan was read at: if it has changed since, the save is refused (409). Omit to save regardless. */
  @IsOptional() @IsInt() @Min(1) version?: number;
}

/** Who acts, on a route whose only body is that: the gateway sets the signed-in account. */
export class ActorDto {
  @IsOptional() @IsString() @MaxLength(100) actor?: string;
}

/** A policy key left out is kept as it is; null is refused, not stored (IsOptional would let it through). */
const Omissible = () => ValidateIf((_, value) => value !== undefined);

export class PolicyDto {
  @Omissible() @IsNumber() @Min(0) @Max(1) explorationShare?: number;
  @Omissible() @IsInt() @Min(1) @Max(20) officerDailyCapacity?: number;
  @Omissible() @IsInt() @Min(1) @Max(90) complaintDueDays?: number;
  /** Complaints received more than this many days before a window's first day are not planned (and are counted). */
  @Omissible() @IsInt() @Min(1) @Max(3650) complaintLookbackDays?: number;
  @Omissible() @IsIn(['red', 'yellow', 'green']) unscoredColour?: 'red' | 'yellow' | 'green';
  @Omissible() @IsInt() @Min(2) @Max(8) maxTeamSize?: number;
  /** Default rectification deadline (整改期限), in days after the inspection that ordered it; at most the longest deadline a result may set. */
  @Omissible() @IsInt() @Min(1) @Max(180) rectificationDays?: number;
  /** Days after the rectification deadline by which the re-inspection (复查) should happen. */
  @Omissible() @IsInt() @Min(1) @Max(90) followUpWithinDays?: number;
  /** Orders to rectify whose deadline lies more than this many days before a window's first day are not followed up. */
  @Omissible() @IsInt() @Min(1) @Max(3650) followUpLookbackDays?: number;
  @IsOptional() @IsString() @MaxLength(64) actor?: string;
  /** The `version` the policy was read at: if it has changed since, the save is refused (409). Omit to save regardless. */
  @IsOptional() @IsInt() @Min(1) version?: number;
}

export class ConflictDto {
  @IsString() @Matches(/^[A-Za-z0-9-]{3,40}$/) officerId!: string;
  @Transform(({ value }: { value: unknown }) => creditCodeValue(value))
  @IsString()
  @Matches(CREDIT_CODE_FORM, { message: CREDIT_CODE_FORM_MESSAGE })
  creditCode!: string;
  /** Required: an officer says why (a relative works there); it may name a person, so it is never logged. */
  @IsString() @MinLength(2) @MaxLength(500) reason!: string;
  /** Who declared it: the web app sets the signed-in account's name. */
  @IsOptional() @IsString() @MaxLength(100) actor?: string;
}

export class CalendarDayDto {
  /** holiday = no visits although a weekday; workday = a make-up working day (调休) although a weekend. */
  @IsIn(['holiday', 'workday']) kind!: 'holiday' | 'workday';
  @IsOptional() @IsString() name?: string;
  /** Who sets the day: the web gateway sets the signed-in dispatcher. */
  @IsOptional() @IsString() @MaxLength(64) actor?: string;
}
