import { QueryInt } from '@tianping/common';
import { Transform } from 'class-transformer';
import { IsIn, IsNotEmpty, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/**
 * A sign-off. `actor` is the signed-in reviewer: the web gateway sets it from the session, whatever
 * the page sent, so no one signs in another's name; role, decision and reasons are the reviewer's.
 */
export class SignOffDto {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(128) actor!: string;
  @IsIn(['technical', 'legal']) role!: 'technical' | 'legal';
  @IsIn(['approve', 'reject']) decision!: 'approve' | 'reject';
  @Transform(trim) @IsString() @MinLength(5) @MaxLength(4000) reasons!: string;
}

export class SubjectVersionParam {
  @IsString() @MaxLength(200) @Matches(/^[\w.@+-]+$/) version!: string;
}

export class ApprovalsQuery {
  @IsOptional() @IsIn(['pending', 'approved', 'rejected']) status?: 'pending' | 'approved' | 'rejected';
  @IsOptional() @IsIn(['model-version', 'colour-policy']) kind?: 'model-version' | 'colour-policy';
  @IsOptional() @QueryInt(1, 1000) limit?: number;
}
