import { QueryInt } from '@tianping/common';
import { IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';
import { ROLES, type Role } from '../../access/roles';
import type { AccountRow } from '../account.repository';

export class CreateAccountDto {
  @IsString() @Matches(/^[a-z0-9][a-z0-9._-]{2,63}$/) username!: string;
  @IsString() @MinLength(10) @MaxLength(200) password!: string;
  @IsIn(ROLES) role!: Role;
  @IsOptional() @IsString() @Matches(/^[0-9A-HJ-NP-RT-UW-Y]{18}$/i) creditCode?: string;
  @IsOptional() @IsString() @Matches(/^[A-Z]{2,10}$/) department?: string;
  @IsOptional() @IsString() @MaxLength(64) officerId?: string;
}

export class PasswordDto {
  @IsString() @MinLength(10) @MaxLength(200) password!: string;
}

export class AccountListQuery {
  @IsOptional() @IsString() @MaxLength(64) after?: string;
  @IsOptional() @QueryInt(1, 200) limit?: number;
}

/** An account as served: never its password hash. */
export interface AccountDto {
  username: string;
  role: Role;
  creditCode: string | null;
  department: string | null;
  officerId: string | null;
  disabled: boolean;
  createdAt: string;
}

export function toAccountDto(row: AccountRow): AccountDto {
  return {
    username: row.username,
    role: row.role,
    creditCode: row.creditCode,
    department: row.department,
    officerId: row.officerId,
    disabled: row.disabled,
    createdAt: new Date(row.createdAt).toISOString(),
  };
}
