import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Length,
  Max,
  MaxLength,
  Min,
  ValidateBy,
  ValidateNested,
} from 'class-validator';

const FINITE = { allowNaN: false, allowInfinity: false };

/** A factor value as the contract carries it: a number, a category, a flag, or null for unknown. */
function IsFactorValue() {
  return ValidateBy({
    name: 'isFactorValue',
    validator: {
      validate: (v: unknown) => v === null || typeof v === 'string' || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)),
      defaultMessage: () => 'value must be a finite number, a string, a boolean or null',
    },
  });
}

export class FactorContributionDto {
  @IsString() @IsNotEmpty() @MaxLength(100) factor!: string;
  @IsFactorValue() value!: number | string | boolean | null;
  @IsNumber(FINITE) contribution!: number;
}

export class ScoreReasonDto {
  @IsString() @MaxLength(100) factor!: string;
  @IsString() @MaxLength(2000) zh!: string;
  @IsString() @MaxLength(2000) en!: string;
}

/** A ScoreRecord (libs/contracts/src/scoring) as oversight's record logged it. */
export class ScoreRecordDto {
  @IsString() @IsNotEmpty() @MaxLength(200) scoreId!: string;
  @IsString() @Length(18, 18) creditCode!: string;
  @IsString() @IsNotEmpty() @MaxLength(40) asOf!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) modelVersion!: string;
  @IsString() @IsNotEmpty() @MaxLength(200) colourPolicyVersion!: string;
  @IsNumber(FINITE) @Min(0) @Max(1) probability!: number;
  @IsNumber(FINITE) logit!: number;
  @IsNumber(FINITE) base!: number;
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => FactorContributionDto) contributions!: FactorContributionDto[];
  @IsIn(['green', 'yellow', 'red']) colour!: 'green' | 'yellow' | 'red';
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ScoreReasonDto) reasons!: ScoreReasonDto[];
  @IsArray() @ArrayMaxSize(200) @ValidateNested({ each: true }) @Type(() => ScoreReasonDto) suggestions!: ScoreReasonDto[];
  @IsString() @IsNotEmpty() @MaxLength(128) inputFingerprint!: string;
  @IsISO8601() computedAt!: string;
  @IsOptional() @IsArray() @ArrayMaxSize(1000) @IsString({ each: true }) @MaxLength(200, { each: true }) correctionBatches?: string[];
}
