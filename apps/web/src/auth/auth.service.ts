import { HttpException, HttpStatus, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { numberSetting } from '@tianping/common';
import type { Principal } from '../access/roles';
import { AccountRepository } from '../accounts/account.repository';
import { UNUSABLE_HASH, verifyPassword } from '../accounts/password.util';
import { SessionCache, type SessionPrincipal } from './session-cache';
import { hashSessionToken, newSessionToken } from './session-cookie.util';
import { SessionRepository } from './session.repository';
import { paceWaitSeconds } from './sign-in-pace.util';

export interface AuthSettings {
  sessionTtlSeconds: number;
  /** Failures of one name from one address before it is locked for the window. */
  maxFailures: number;
  failureWindowSeconds: number;
  /** Failures of one name from all addresses before its attempts are slowed (one name guessed from many). */
  nameFreeFailures: number;
  /** Failures from one address over all names before its attempts are slowed (password spraying). */
  addressFreeFailures: number;
  /** The longest wait a slowed sign-in is asked for. */
  maxDelaySeconds: number;
}

export function authSettingsFromEnv(env: NodeJS.ProcessEnv = process.env): AuthSettings {
  return {
    sessionTtlSeconds: Number(env.TIANPING_SESSION_TTL_SECONDS) || 8 * 3600,
    maxFailures: Number(env.TIANPING_LOGIN_MAX_FAILURES) || 5,
    failureWindowSeconds: Number(env.TIANPING_LOGIN_WINDOW_SECONDS) || 15 * 60,
    nameFreeFailures: numberSetting(env, 'TIANPING_LOGIN_NAME_FAILURES', { fallback: 10, min: 1, integer: true, takes: 'a whole number of at least 1' }),
    addressFreeFailures: numberSetting(env, 'TIANPING_LOGIN_ADDRESS_FAILURES', { fallback: 20, min: 1, integer: true, takes: 'a whole number of at least 1' }),
    maxDelaySeconds: numberSetting(env, 'TIANPING_LOGIN_MAX_DELAY_SECONDS', { fallback: 60, min: 1, max: 3600, takes: '1 to 3600 seconds' }),
  };
}

export const AUTH_SETTINGS = Symbol('AUTH_SETTINGS');

/** 429 for a sign-in refused before its password was checked: `locked` for the window, or `slowed` for a few seconds. */
function tooManyAttempts(reason: 'locked' | 'slowed', retryAfterSeconds: number): HttpException {
  const message = reason === 'locked' ? 'too many failed sign-ins: wait and try again' : 'many failed sign-ins lately: wait a moment and try again';
  return new HttpException({ statusCode: 429, message, reason, retryAfterSeconds }, HttpStatus.TOO_MANY_REQUESTS);
}

/** Sign-in with a lock per username and address, a slowdown per username and per address, sessions that expire, sign-out. */
@Injectable()
export class AuthService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionRepository,
    private readonly cache: SessionCache,
    @Inject(AUTH_SETTINGS) private readonly settings: AuthSettings,
  ) {}

  async login(username: string, password: string, ip: string): Promise<{ token: string; principal: Principal; expiresAt: Date }> {
    const name = username.trim().toLowerCase();
    const attempt = await this.sessions.startAttempt(name, ip);
    const recent = await this.sessions.recentFailures(name, ip, this.settings.failureWindowSeconds);
    // This attempt is among those counted: more than the limit means the limit was reached before it.
    if (recent.failures > this.settings.maxFailures) {
      await this.sessions.withdrawAttempt(attempt);
      const retryAfter = Math.max(1, Math.ceil((Date.parse(recent.oldestAt ?? '') + this.settings.failureWindowSeconds * 1000 - Date.now()) / 1000) || 60);
      throw tooManyAttempts('locked', retryAfter);
    }
    const wait = await this.paceWait(name, ip, attempt);
    if (wait > 0) {
      await this.sessions.withdrawAttempt(attempt);
      throw tooManyAttempts('slowed', wait);
    }
    const account = await this.accounts.byUsername(name);
    // Unknown names are checked against a hash no password matches, so they take as long as known ones.
    const matches = await verifyPassword(password, account?.passwordHash ?? UNUSABLE_HASH);
    const ok = matches && account !== null && !account.disabled;
    if (!ok || !account) throw new UnauthorizedException('wrong username or password');
    const token = newSessionToken();
    const expiresAt = new Date(Date.now() + this.settings.sessionTtlSeconds * 1000);
    // The password may have been replaced (or the account disabled) while it was being checked.
    if (!(await this.sessions.create(hashSessionToken(token), account.id, account.passwordHash, expiresAt)))
      throw new UnauthorizedException('wrong username or password');
    await this.sessions.attemptSucceeded(attempt);
    const principal: Principal = {
      accountId: account.id,
      username: account.username,
      role: account.role,
      creditCode: account.creditCode,
      department: account.department,
      officerId: account.officerId,
    };
    return { token, principal, expiresAt };
  }

  /**
   * The wait asked of a sign-in after failures for this name from any address (one name guessed from
   * many), or from this address for any name (one password tried on many names): the longer of the two.
   */
  private async paceWait(name: string, ip: string, attempt: number): Promise<number> {
    const window = this.settings.failureWindowSeconds;
    const [byName, byAddress] = await Promise.all([
      this.sessions.failuresAcross('username', name, window, attempt),
      this.sessions.failuresAcross('ip', ip, window, attempt),
    ]);
    const cap = this.settings.maxDelaySeconds;
    return Math.max(
      paceWaitSeconds(byName, { freeFailures: this.settings.nameFreeFailures, maxDelaySeconds: cap }),
      paceWaitSeconds(byAddress, { freeFailures: this.settings.addressFreeFailures, maxDelaySeconds: cap }),
    );
  }

  /** The account behind a session cookie: held for a moment (see SessionCache), so a burst of calls costs one lookup. */
  async principal(token: string | null): Promise<SessionPrincipal | null> {
    if (!token || token.length > 100) return null;
    const hash = hashSessionToken(token);
    return this.cache.principal(hash, () => this.sessions.principal(hash));
  }

  async logout(token: string | null): Promise<void> {
    if (!token) return;
    const hash = hashSessionToken(token);
    await this.sessions.revoke(hash);
    this.cache.forgetSession(hash);
  }

  get sessionTtlSeconds(): number {
    return this.settings.sessionTtlSeconds;
  }
}
