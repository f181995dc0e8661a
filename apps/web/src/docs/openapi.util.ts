import { ROUTES, type RouteRule } from '../access/route-table';
import { BODIES } from './openapi-bodies';
import { pathParamSchema } from './openapi-params';
import { CREATED, QUERIES } from './openapi-queries';
import { RESPONSES, SCHEMAS } from './openapi-responses';

type Json = Record<string, unknown>;

const ERROR_RESPONSES: Json = {
  '400': { description: 'the request is malformed: a parameter or field is missing, unknown, or not valid (`message` says which)' },
  '401': { description: 'not signed in' },
  '403': { description: 'the role may not do this' },
  '404': { description: "no such record, or not the caller's (an enterprise asking for another)" },
  '501': { description: 'the owning service does not offer this yet' },
  '503': { description: 'the owning service is not answering' },
};

/** What a save carrying a stale `version` answers. */
const STALE: Json = {
  description:
    'the `version` sent is stale: someone saved since (`message` says who and when; `version`, `updatedBy`, `updatedAt` describe the stored one). Nothing was changed: GET it again',
};

function versioned(body: Json | undefined): boolean {
  return Boolean((body?.properties as Json | undefined)?.version);
}

/** Routes that answer a file, in the type it was filed with, rather than JSON. */
const FILES = new Set(['GET /api/appeals/:id/evidence/:n']);
const FILE: Json = { '*/*': { schema: { type: 'string', format: 'binary', description: 'the file as filed (its name in Content-Disposition)' } } };

function operation(rule: RouteRule): Json {
  const key = `${rule.method} ${rule.path}`;
  const params = [
    ...[...rule.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: pathParamSchema(rule.path, m[1]) })),
    ...(QUERIES[key] ?? []).map((q) => ({ name: q.name, in: 'query', required: q.required ?? false, description: q.description, schema: q.schema })),
  ];
  const who = rule.access === 'public' ? 'anyone' : rule.access === 'signed-in' ? 'any signed-in account' : rule.access.join(', ');
  const binding = rule.ownCreditCode
    ? ' An enterprise account reaches only its own credit code.'
    : rule.owned
      ? ` Only ${rule.owned}s bound to the caller (its enterprise or department).`
      : '';
  const acting = rule.actorFromSession ? ' The acting person is the signed-in account (any `actor` sent is replaced).' : '';
  const ok = CREATED.has(key) ? '201' : '200';
  return {
    tags: [rule.tag],
    summary: rule.summary,
    description: `Allowed: ${who}.${binding}${acting}${rule.upstream ? ` Served by ${rule.upstream}.` : ''}${rule.personalData === 'masked' ? ' Personal data is masked; every view is logged.' : rule.personalData === 'full' ? " Shows personal data in full: `reason` (query) is required, and the read is logged in oversight's record before the data is served." : ''}`,
    'x-roles': rule.access,
    ...(rule.access === 'public' ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(BODIES[key] ? { requestBody: { required: true, content: { 'application/json': { schema: BODIES[key] } } } } : {}),
    responses: {
      [ok]: {
        description: ok === '201' ? 'Created' : 'OK',
        content: FILES.has(key) ? FILE : { 'application/json': RESPONSES[key] ? { schema: RESPONSES[key] } : {} },
      },
      ...ERROR_RESPONSES,
      ...(versioned(BODIES[key]) ? { '409': STALE } : {}),
    },
  };
}

/** OpenAPI 3.0 of the web app's API, generated from the same route table the access guard enforces. */
export function buildOpenApi(version: string): Json {
  const paths: Record<string, Json> = {};
  for (const rule of ROUTES) {
    const path = rule.path.replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = { ...(paths[path] ?? {}), [rule.method.toLowerCase()]: operation(rule) };
  }
  return {
    openapi: '3.0.3',
    info: {
      title: 'Tianping web API',
      version,
      description: 'The API behind the pages. Every route checks the role and binding of the signed-in account on the server.',
    },
    servers: [{ url: '/' }],
    components: { schemas: SCHEMAS, securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tp_session' } } },
    security: [{ session: [] }],
    paths,
  };
}
