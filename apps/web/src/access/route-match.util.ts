import { ROUTES, type RouteRule } from './route-table';

export interface MatchedRoute {
  rule: RouteRule;
  params: Record<string, string>;
}

interface CompiledRule {
  rule: RouteRule;
  pattern: RegExp;
  names: string[];
}

function compile(rule: RouteRule): CompiledRule {
  const names: string[] = [];
  const source = rule.path
    .split('/')
    .map((segment) => {
      if (!segment.startsWith(':')) return segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      names.push(segment.slice(1));
      return '([^/]+)';
    })
    .join('/');
  return { rule, pattern: new RegExp(`^${source}/?$`), names };
}

const COMPILED = ROUTES.map(compile);

/**
 * A path parameter must be one plain segment. The URL parser that forwards a request reads `\` as
 * `/` and resolves `.` and `..` (also spelt `%2e`), so a parameter like `..\..\audit\entries`
 * would leave the route the guard allowed and reach another one in the same app.
 */
function plainSegment(value: string): boolean {
  return value !== '.' && value !== '..' && !/[/\\]/.test(value);
}

function decode(value: string): string | null {
  try {
    return decodeURIComponent(value);
  } catch {
    return null;
  }
}

/** The decoded parameters of a path a rule matches, or null when it does not match or a parameter is not one plain segment. */
function paramsOf({ pattern, names }: CompiledRule, path: string): Record<string, string> | null {
  const found = pattern.exec(path);
  if (!found) return null;
  const params: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const value = decode(found[i + 1]);
    if (value === null || !plainSegment(value)) return null;
    params[name] = value;
  }
  return params;
}

/** The rule for a request; literal paths win over parameterised ones (/api/quarantine/summary before /:id). */
export function matchRoute(method: string, path: string, table: readonly CompiledRule[] = COMPILED): MatchedRoute | null {
  let best: MatchedRoute | null = null;
  let bestParams = Infinity;
  for (const compiled of table) {
    if (compiled.rule.method !== method || compiled.names.length >= bestParams) continue;
    const params = paramsOf(compiled, path);
    if (!params) continue;
    best = { rule: compiled.rule, params };
    bestParams = compiled.names.length;
  }
  return best;
}

/** Whether any rule has this path under another method (405 rather than 404). */
export function pathKnown(path: string): boolean {
  return COMPILED.some((compiled) => paramsOf(compiled, path) !== null);
}

/**
 * The path to forward for a matched rule: the rule's own path with each parameter encoded as one
 * segment, never the path as the caller spelt it.
 */
export function upstreamPath({ rule, params }: MatchedRoute): string {
  return rule.path.replace(/:([A-Za-z]+)/g, (_whole, name: string) => encodeURIComponent(params[name] ?? ''));
}

/** A request's query as it was sent, with its `?`; '' when it has none. */
export function queryOf(originalUrl: string): string {
  const at = originalUrl.indexOf('?');
  return at < 0 ? '' : originalUrl.slice(at);
}
