import { IsISO8601, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class RectificationExtensionDto {
  /** The new deadline: after the current one, at most 180 days after the visit's day. */
  @IsISO8601({ strict: true }) @Matches(/^\d{4}-\d{2}-\d{2}$/) rectifyBy!: string;
  /** Required: why (the enterprise's application, 延期整改申请). May name a person: never logged, never in an event. */
  @IsString() @MinLength(2) @MaxLength(500) reason!: string;
  /** Who grants it: the web app sets the signed-in account's name. */
  @IsOptional() @IsString() @MaxLength(100) actor?: string;
}
