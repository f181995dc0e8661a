import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import { IsString, MaxLength, MinLength } from 'class-validator';
import type { Response } from 'express';
import type { WebRequest } from '../access/web-request';
import type { Principal } from '../access/roles';
import { AuthService } from './auth.service';
import { clearedSessionCookie, sessionCookie } from './session-cookie.util';

export class LoginDto {
  @IsString() @MinLength(1) @MaxLength(64) username!: string;
  @IsString() @MinLength(1) @MaxLength(200) password!: string;
}

const secureCookies = () => process.env.TIANPING_SECURE_COOKIES === '1';

@Controller('api/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @HttpCode(200)
  async login(@Body() body: LoginDto, @Req() request: WebRequest, @Res({ passthrough: true }) response: Response) {
    const { token, principal, expiresAt } = await this.auth.login(body.username, body.password, request.ip ?? 'unknown');
    response.setHeader('Set-Cookie', sessionCookie(token, this.auth.sessionTtlSeconds, secureCookies()));
    return { ...publicPrincipal(principal), expiresAt: expiresAt.toISOString() };
  }

  @Post('logout')
  @HttpCode(200)
  async logout(@Req() request: WebRequest, @Res({ passthrough: true }) response: Response) {
    await this.auth.logout(request.sessionToken ?? null);
    response.setHeader('Set-Cookie', clearedSessionCookie(secureCookies()));
    return { signedOut: true };
  }

  @Get('me')
  me(@Req() request: WebRequest) {
    return publicPrincipal(request.principal!);
  }
}

function publicPrincipal(p: Principal) {
  return { username: p.username, role: p.role, creditCode: p.creditCode, department: p.department, officerId: p.officerId };
}
