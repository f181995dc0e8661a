import {
  ForbiddenException,
  HttpException,
  Injectable,
  MethodNotAllowedException,
  NotFoundException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { AuthService } from '../auth/auth.service';
import { readCookie, SESSION_COOKIE } from '../auth/session-cookie.util';
import { decideAccess } from './access-policy.util';
import { fromAnotherSite } from './cross-site.util';
import { matchRoute, pathKnown } from './route-match.util';
import type { WebRequest } from './web-request';

/**
 * Whether a path is the API's, however it is spelt: Express matches routes without regard to case
 * (`/API/accounts` reaches the accounts controller), so the guard must not regard it either, and a
 * spelling the route table does not know is then refused.
 */
export function isApiPath(path: string): boolean {
  const lower = path.toLowerCase();
  return lower === '/api' || lower.startsWith('/api/');
}

/**
 * Every /api request passes here first: it must match a rule of the route table, a change must come
 * from our own pages, and the rule decides by the caller's role and binding. A route missing from
 * the table is refused, never open.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(private readonly auth: AuthService) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context.switchToHttp().getRequest<WebRequest>();
    if (!isApiPath(request.path)) return true;
    const matched = matchRoute(request.method, request.path);
    if (!matched) {
      if (pathKnown(request.path)) throw new MethodNotAllowedException(`${request.method} is not allowed here`);
      throw new NotFoundException(`no API route ${request.method} ${request.path}`);
    }
    if (fromAnotherSite(request.method, request.headers)) throw new ForbiddenException('a page of another site may not change anything here');
    request.sessionToken = readCookie(request.headers.cookie, SESSION_COOKIE);
    request.principal = await this.auth.principal(request.sessionToken);
    request.route_ = matched;
    const decision = decideAccess(matched.rule, matched.params, request.principal);
    if (!decision.allowed) throw new HttpException({ statusCode: decision.status, message: decision.message }, decision.status);
    return true;
  }
}
