import { Transform, Type } from 'class-transformer';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** A suspend or resume: who did it and why, both kept in the record. */
export class KillSwitchActDto {
  @Transform(trim) @IsString() @IsNotEmpty() @MaxLength(128) actor!: string;
  @Transform(trim) @IsString() @MinLength(5) @MaxLength(2000) reason!: string;
}

export class KillSwitchQuery {
  @IsOptional() @Type(() => Number) @IsInt() @Min(1) @Max(1000) limit?: number;
}
