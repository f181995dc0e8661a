import { ROUTES, type RouteRule } from '../access/route-table';
import { CREATED, QUERIES } from './openapi-queries';

type Json = Record<string, unknown>;

const ERROR_RESPONSES: Json = {
  '400': { description: 'the request is malformed: a parameter or field is missing, unknown, or not valid (`message` says which)' },
  '401': { description: 'not signed in' },
  '403': { description: 'the role may not do this' },
  '404': { description: "no such record, or not the caller's (an enterprise asking for another)" },
  '501': { description: 'the owning service does not offer this yet' },
  '503': { description: 'the owning service is not answering' },
};

const BODIES: Record<string, Json> = {
  'POST /api/auth/login': {
    type: 'object',
    required: ['username', 'password'],
    properties: { username: { type: 'string' }, password: { type: 'string', format: 'password' } },
  },
  'POST /api/accounts': {
    type: 'object',
    required: ['username', 'password', 'role'],
    properties: {
      username: { type: 'string', pattern: '^[a-z0-9][a-z0-9._-]{2,63}$' },
      password: { type: 'string', minLength: 10 },
      role: { type: 'string', enum: ['enterprise', 'department', 'dispatcher', 'oversight', 'admin'] },
      creditCode: { type: 'string', description: 'required for enterprise accounts' },
      department: { type: 'string', description: 'required for department officers, e.g. SAMR' },
      officerId: {
        type: 'string',
        maxLength: 64,
        description: "department officers only, optional: the officer's certificate number (执法证号); their pages then start at their own route",
      },
    },
  },
  'PUT /api/checklist-items/:item': {
    type: 'object',
    required: ['zh'],
    properties: {
      zh: { type: 'string', maxLength: 200, description: 'what the item asks, in Chinese (e.g. 消防设施和器材)' },
      en: { type: 'string', maxLength: 200, description: 'the same in English; pages fall back to the Chinese' },
    },
  },
  'POST /api/draws': {
    type: 'object',
    required: ['from', 'to'],
    properties: {
      from: { type: 'string', format: 'date', description: 'today (China) or later, unless backfill' },
      to: { type: 'string', format: 'date' },
      seed: { type: 'string' },
      backfill: { type: 'boolean', description: 'record a window that has already begun (a plan made before the system)' },
    },
  },
  'POST /api/visits/:id/results': {
    type: 'object',
    required: ['items'],
    properties: {
      items: {
        type: 'array',
        items: {
          type: 'object',
          required: ['item', 'result'],
          properties: { item: { type: 'string' }, result: { type: 'string', enum: ['未发现问题', '责令整改', '立案查处'] }, violation: { type: 'string' } },
        },
      },
    },
  },
  'POST /api/appeals': {
    type: 'object',
    required: ['creditCode', 'grounds'],
    properties: {
      creditCode: { type: 'string' },
      grounds: { type: 'string', minLength: 10, maxLength: 8000 },
      challenges: {
        type: 'array',
        maxItems: 50,
        items: {
          type: 'object',
          required: ['kind', 'recordId', 'claim'],
          properties: { kind: { enum: ['clue', 'case'] }, recordId: { type: 'string' }, claim: { type: 'string' } },
        },
      },
      evidence: {
        type: 'array',
        maxItems: 5,
        items: {
          type: 'object',
          required: ['name', 'contentType', 'contentBase64'],
          properties: { name: { type: 'string' }, contentType: { type: 'string' }, contentBase64: { type: 'string', format: 'byte' } },
        },
      },
    },
  },
  'POST /api/appeals/:id/withdrawal': { type: 'object', properties: { reason: { type: 'string', maxLength: 500 } } },
  'POST /api/appeals/:id/decision': {
    type: 'object',
    required: ['outcome', 'reasons'],
    properties: {
      outcome: { enum: ['upheld', 'corrected', 'overridden'] },
      reasons: { type: 'string', minLength: 5 },
      corrections: {
        type: 'array',
        items: {
          type: 'object',
          required: ['kind', 'recordId', 'action'],
          properties: { kind: { enum: ['clue', 'case'] }, recordId: { type: 'string' }, action: { enum: ['unlink', 'mark-false', 'revoke'] } },
        },
      },
      overrideColour: { enum: ['green', 'yellow', 'red'] },
    },
  },
  'POST /api/reviews/confirmations/:scoreId': {
    type: 'object',
    required: ['reasons'],
    properties: { reasons: { type: 'string', minLength: 5 }, colour: { enum: ['green', 'yellow', 'red'] } },
  },
  'POST /api/quarantine/:id/replay': {
    type: 'object',
    properties: {
      corrections: {
        type: 'object',
        additionalProperties: true,
        description:
          'field → corrected value, by the contract\'s English keys (e.g. {"established_on": "2019-01-01"}); the other fields stay as the source sent them',
      },
    },
  },
  'POST /api/quarantine/:id/discard': { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 3 } } },
  'POST /api/kill-switch/suspend': { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 5 } } },
  'POST /api/kill-switch/resume': { type: 'object', required: ['reason'], properties: { reason: { type: 'string', minLength: 5 } } },
  'POST /api/visits/:id/rating': {
    type: 'object',
    required: ['stars'],
    properties: { stars: { type: 'integer', minimum: 1, maximum: 5 }, comment: { type: 'string' } },
  },
};

function operation(rule: RouteRule): Json {
  const key = `${rule.method} ${rule.path}`;
  const params = [
    ...[...rule.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } })),
    ...(QUERIES[key] ?? []).map((q) => ({ name: q.name, in: 'query', required: q.required ?? false, description: q.description, schema: q.schema })),
  ];
  const who = rule.access === 'public' ? 'anyone' : rule.access === 'signed-in' ? 'any signed-in account' : rule.access.join(', ');
  const binding = rule.ownCreditCode
    ? ' An enterprise account reaches only its own credit code.'
    : rule.owned
      ? ` Only ${rule.owned}s bound to the caller (its enterprise or department).`
      : '';
  const acting = rule.actorFromSession ? ' The acting person is the signed-in account (any `actor` sent is replaced).' : '';
  return {
    tags: [rule.tag],
    summary: rule.summary,
    description: `Allowed: ${who}.${binding}${acting}${rule.upstream ? ` Served by ${rule.upstream}.` : ''}${rule.personalData === 'masked' ? ' Personal data is masked; every view is logged.' : rule.personalData === 'full' ? " Shows personal data in full: `reason` (query) is required, and the read is logged in oversight's record before the data is served." : ''}`,
    'x-roles': rule.access,
    ...(rule.access === 'public' ? { security: [] } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(BODIES[key] ? { requestBody: { required: true, content: { 'application/json': { schema: BODIES[key] } } } } : {}),
    responses: {
      [CREATED.has(key) ? '201' : '200']: { description: CREATED.has(key) ? 'Created' : 'OK', content: { 'application/json': {} } },
      ...ERROR_RESPONSES,
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
    components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: 'tp_session' } } },
    security: [{ session: [] }],
    paths,
  };
}
