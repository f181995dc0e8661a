import { BadRequestException, ConflictException, Injectable, NotFoundException } from '@nestjs/common';
import { isValidCreditCode, normaliseCreditCode, normaliseOfficerId } from '@tianping/common';
import { isRole, type Role } from '../access/roles';
import { SessionCache } from '../auth/session-cache';
import { AccountRepository, type AccountRow } from './account.repository';
import { hashPassword, passwordProblem } from './password.util';

export interface AccountRequest {
  username: string;
  password: string;
  role: string;
  creditCode?: string | null;
  department?: string | null;
  /** A department officer's certificate number (执法证号); optional. */
  officerId?: string | null;
}

/**
 * Creating, disabling, enabling accounts and setting their passwords: the binding must fit the role (an enterprise to one credit code, an
 * officer to one department and, optionally, to the officer's own certificate number).
 */
@Injectable()
export class AccountsService {
  constructor(
    private readonly accounts: AccountRepository,
    private readonly sessions: SessionCache,
  ) {}

  async create(request: AccountRequest, options: { replace?: boolean } = {}): Promise<AccountRow> {
    const binding = checkBinding(request);
    const problem = passwordProblem(request.password);
    if (problem) throw new BadRequestException(problem);
    if (!/^[a-z0-9][a-z0-9._-]{2,63}$/.test(request.username))
      throw new BadRequestException('a username is 3–64 lower-case letters, digits, dots, dashes or underscores');
    if (!options.replace && (await this.accounts.byUsername(request.username))) throw new ConflictException(`the username ${request.username} is taken`);
    const saved = await this.accounts.save({ username: request.username, passwordHash: await hashPassword(request.password), ...binding }, options.replace);
    if (options.replace) this.sessions.forgetAccount(saved.id);
    return saved;
  }

  list(limit: number, after?: string): Promise<AccountRow[]> {
    return this.accounts.list(limit, after);
  }

  async enable(username: string): Promise<void> {
    if ((await this.accounts.enable(username)) === null) throw new NotFoundException(`no account ${username}`);
  }

  /** An administrator sets a new password (a forgotten one, or one that leaked): whoever held the old one is signed out. */
  async resetPassword(username: string, password: string): Promise<void> {
    const problem = passwordProblem(password);
    if (problem) throw new BadRequestException(problem);
    const accountId = await this.accounts.setPassword(username, await hashPassword(password));
    if (accountId === null) throw new NotFoundException(`no account ${username}`);
    this.sessions.forgetAccount(accountId);
  }

  async disable(username: string): Promise<void> {
    const accountId = await this.accounts.disable(username);
    if (accountId === null) throw new NotFoundException(`no account ${username}`);
    // Sessions held in this process end now; other web processes drop theirs within the cache time.
    this.sessions.forgetAccount(accountId);
  }
}

function checkBinding(request: AccountRequest): { role: Role; creditCode: string | null; department: string | null; officerId: string | null } {
  if (!isRole(request.role)) throw new BadRequestException('role must be enterprise, department, dispatcher, oversight or admin');
  const creditCode = request.creditCode ? normaliseCreditCode(request.creditCode) : null;
  const department = request.department ? request.department.toUpperCase() : null;
  const officerId = normaliseOfficerId(request.officerId ?? '') || null;
  if (request.role === 'enterprise') {
    if (!creditCode || !isValidCreditCode(creditCode)) throw new BadRequestException('an enterprise account is bound to one valid credit code (--credit-code)');
    if (department) throw new BadRequestException('an enterprise account has no department');
  } else if (creditCode) {
    throw new BadRequestException(`a ${request.role} account is not bound to a credit code`);
  }
  if (request.role === 'department') {
    if (!department || !/^[A-Z]{2,10}$/.test(department))
      throw new BadRequestException('a department officer is bound to one department code such as SAMR (--department)');
  } else if (department) {
    throw new BadRequestException(`a ${request.role} account has no department`);
  }
  if (officerId !== null) {
    if (request.role !== 'department') throw new BadRequestException(`a ${request.role} account is not bound to an officer's certificate number`);
    if (officerId.length > 64 || /\s/.test(officerId))
      throw new BadRequestException("an officer's certificate number is up to 64 characters with no spaces (--officer)");
  }
  return { role: request.role, creditCode, department, officerId };
}
