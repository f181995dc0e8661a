import { DELIVERY_APPS } from '../operations/operations.service';

type Json = Record<string, unknown>;

const integer = (description: string): Json => ({ type: 'integer', minimum: 0, description });

/** Path parameters by name: what the owning app parses them as (an integer is refused with 400 otherwise). */
const BY_NAME: Record<string, Json> = {
  creditCode: { type: 'string', pattern: '^[0-9A-Za-z]{18}$', description: 'unified social credit code (统一社会信用代码), any case' },
  seq: integer('a sequence number'),
  n: integer('the number of the evidence file, from 0'),
  app: { type: 'string', enum: [...DELIVERY_APPS], description: 'the service whose outbox holds the event' },
  version: { type: 'string', pattern: '^[\\w.@+-]+$', maxLength: 200, description: 'a model version or colour policy version' },
  item: { type: 'string', pattern: '^[A-Za-z]{2,10}-\\d{2}$', description: 'checklist item code, e.g. FIRE-02' },
  scoreId: { type: 'string', description: 'the score, e.g. scoring-151' },
  username: { type: 'string', description: 'the account' },
  department: { type: 'string', pattern: '^[A-Za-z]{2,10}$', description: 'department code, any case, e.g. SAMR' },
  caseNo: { type: 'string', description: "a platform case's number (案件编号) as intake holds it, e.g. FS-SAMR-2026-000901" },
  date: { type: 'string', format: 'date', pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'the day, YYYY-MM-DD' },
};

/** `:id` names a different record on each route. */
const IDS: Record<string, Json> = {
  '/api/ops/:app/outbox/:id/resend': integer('the outbox row'),
  '/api/quarantine/:id': integer('the rejected record'),
  '/api/quarantine/:id/replay': integer('the rejected record'),
  '/api/quarantine/:id/discard': integer('the rejected record'),
  '/api/draws/:id': { type: 'string', format: 'uuid', description: 'the draw' },
  '/api/draws/:id/redraw-check': { type: 'string', format: 'uuid', description: 'the draw' },
  '/api/draws/:id/tasks': { type: 'string', format: 'uuid', description: 'the draw' },
  '/api/audits/reports/:id': { type: 'string', format: 'uuid', description: 'the report' },
  '/api/audits/reports/:id/publish': { type: 'string', format: 'uuid', description: 'the report' },
  '/api/public/audit-reports/:id': { type: 'string', format: 'uuid', description: 'the report' },
};

/** The schema of one path parameter of a route. */
export function pathParamSchema(path: string, name: string): Json {
  if (name === 'id')
    return (
      IDS[path] ??
      (path.startsWith('/api/visits')
        ? { type: 'string', description: 'the visit: its id (a UUID) or its number, e.g. TP-2026-000123' }
        : { type: 'string', description: 'the appeal, e.g. AP-20261206-7906AA05' })
    );
  return BY_NAME[name] ?? { type: 'string' };
}
