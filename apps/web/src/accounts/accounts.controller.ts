import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { AccountsService } from './accounts.service';
import { AccountListQuery, CreateAccountDto, PasswordDto, toAccountDto } from './dtos/account.dto';

/** Administrators manage accounts; the access guard has already checked the role. */
@Controller('api/accounts')
export class AccountsController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  async list(@Query() query: AccountListQuery) {
    return (await this.accounts.list(query.limit ?? 50, query.after)).map(toAccountDto);
  }

  @Post()
  async create(@Body() body: CreateAccountDto) {
    return toAccountDto(await this.accounts.create(body));
  }

  @Post(':username/enable')
  @HttpCode(200)
  async enable(@Param('username') username: string) {
    await this.accounts.enable(username);
    return { username, disabled: false };
  }

  /** A new password, chosen by the administrator and handed to the person: the account's sessions end. */
  @Post(':username/password')
  @HttpCode(200)
  async password(@Param('username') username: string, @Body() body: PasswordDto) {
    await this.accounts.resetPassword(username, body.password);
    return { username, passwordSet: true };
  }

  @Post(':username/disable')
  @HttpCode(200)
  async disable(@Param('username') username: string) {
    await this.accounts.disable(username);
    return { username, disabled: true };
  }
}
