import { QueryInt } from '@tianping/common';
import { IsIn, IsOptional, IsString, MaxLength } from 'class-validator';

export class CorrectionsQuery {
  @IsOptional() @IsString() @MaxLength(200) appealId?: string;
  @IsOptional() @IsIn(['applied', 'not-applicable']) status?: 'applied' | 'not-applicable';
  @IsOptional() @QueryInt(1, 1000) limit?: number;
}
