import { QueryInt } from '@tianping/common';
import { Transform } from 'class-transformer';
import { IsNotEmpty, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A suspend or resume: who did it and why, both kept in the record. */
export class KillSwitchActDto {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(128) actor!: string;
  @Transform(trim) @IsString() @MinLength(5) @MaxLength(2000) reason!: string;
}

export class KillSwitchQuery {
  @IsOptional() @QueryInt(1, 1000) limit?: number;
}
