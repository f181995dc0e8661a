import 'reflect-metadata';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsISO8601,
  IsNotEmpty,
  IsNumber,
  IsObject,
  IsOptional,
  IsString,
  Length,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';

/** Edge validation of scoring's events (contracts in libs/contracts/src/scoring): what is logged must be whole. */
export class FactorContributionDto {
  @IsString() @IsNotEmpty() factor!: string;
  @IsNumber({ allowNaN: false, allowInfinity: false }) contribution!: number;
}

export class ScoreReasonDto {
  @IsString() factor!: string;
  @IsString() zh!: string;
  @IsString() en!: string;
}

export class ScoreRecordDto {
  @IsString() @IsNotEmpty() scoreId!: string;
  @IsString() @Length(18, 18) creditCode!: string;
  @IsString() @IsNotEmpty() asOf!: string;
  @IsString() @IsNotEmpty() modelVersion!: string;
  @IsString() @IsNotEmpty() colourPolicyVersion!: string;
  @IsNumber({ allowNaN: false, allowInfinity: false }) @Min(0) @Max(1) probability!: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) logit!: number;
  @IsNumber({ allowNaN: false, allowInfinity: false }) base!: number;
  @IsArray() @ValidateNested({ each: true }) @Type(() => FactorContributionDto) contributions!: FactorContributionDto[];
  @IsIn(['green', 'yellow', 'red']) colour!: string;
  @IsArray() @ValidateNested({ each: true }) @Type(() => ScoreReasonDto) reasons!: ScoreReasonDto[];
  @IsArray() @ValidateNested({ each: true }) @Type(() => ScoreReasonDto) suggestions!: ScoreReasonDto[];
  @IsString() @IsNotEmpty() inputFingerprint!: string;
  @IsISO8601() computedAt!: string;
  /** Absent on scores published before scores named the appeal corrections they read. */
  @IsOptional() @IsArray() @IsString({ each: true }) @IsNotEmpty({ each: true }) correctionBatches?: string[];
}

export class ScoresComputedDto {
  @IsString() @IsNotEmpty() batchId!: string;
  @IsArray() @ArrayMaxSize(100_000) @ValidateNested({ each: true }) @Type(() => ScoreRecordDto) scores!: ScoreRecordDto[];
}

export class ModelBuilderDto {
  @IsIn(['bureau', 'vendor']) kind!: string;
  @IsString() @IsNotEmpty() name!: string;
}

export class ModelVersionEventDto {
  @IsString() @IsNotEmpty() modelVersion!: string;
  @IsIn(['draft', 'approved', 'active', 'retired', 'suspended']) state!: string;
  @IsString() @IsNotEmpty() actor!: string;
  @IsOptional() @IsString() reason?: string;
  @IsOptional() @ValidateNested() @Type(() => ModelBuilderDto) builtBy?: ModelBuilderDto;
  @IsString() specName!: string;
  @IsObject() trainingWindow!: object;
  @IsString() dataFingerprint!: string;
  @IsObject() metrics!: object;
  @IsISO8601() at!: string;
}

export class ColourPolicyEventDto {
  @IsString() @IsNotEmpty() version!: string;
  @IsObject() thresholds!: object;
  @IsIn(['proposed', 'approved', 'active', 'retired']) state!: string;
  @IsString() @IsNotEmpty() actor!: string;
  @IsISO8601() at!: string;
}
