import type { Request } from 'express';
import type { MatchedRoute } from './route-match.util';
import type { Principal } from './roles';

/** A request after the access guard: the rule it matched and who is asking. */
export interface WebRequest extends Request {
  route_?: MatchedRoute;
  principal?: Principal | null;
  sessionToken?: string | null;
}
