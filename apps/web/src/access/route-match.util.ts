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

/** The rule for a request; literal paths win over parameterised ones (/api/quarantine/summary before /:id). */
export function matchRoute(method: string, path: string, table: readonly CompiledRule[] = COMPILED): MatchedRoute | null {
  let best: MatchedRoute | null = null;
  let bestParams = Infinity;
  for (const { rule, pattern, names } of table) {
    if (rule.method !== method) continue;
    const found = pattern.exec(path);
    if (!found || names.length >= bestParams) continue;
    const params: Record<string, string> = {};
    names.forEach((name, i) => (params[name] = decodeURIComponent(found[i + 1])));
    best = { rule, params };
    bestParams = names.length;
  }
  return best;
}

/** Whether any rule has this path under another method (405 rather than 404). */
export function pathKnown(path: string): boolean {
  return COMPILED.some(({ pattern }) => pattern.test(path));
}
