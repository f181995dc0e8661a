import type { DispatchHarness } from '../dispatch/dispatch-app.harness';

/** A day `offset` days from today, China time. */
export const chinaDayIn = (offset: number) => new Date(Date.now() + 8 * 3_600_000 + offset * 86_400_000).toISOString().slice(0, 10);

export const OWN_OFFICER = '44060400001';
export const COLLEAGUE = '44060400002';
/** Its certificate lapses in ten days: the register marks it. */
export const LAPSING = '44060400003';
export const VISIT = { id: '0b6c8a55-5f0e-4d7e-9a7a-0000000c0a21', number: 'TP-2026-009101' };

/**
 * Three officers in dispatch's register and, in a published plan, a visit the day after tomorrow whose
 * team names OWN_OFFICER: an absence over that day leaves it to be replaced.
 */
export async function seedRegister(dispatch: DispatchHarness, creditCode: string): Promise<void> {
  const q = (sql: string, params: unknown[] = []) => dispatch.dataSource.query(sql, params);
  for (const [id, until] of [
    [OWN_OFFICER, 365],
    [COLLEAGUE, 365],
    [LAPSING, 10],
  ] as const)
    await q(
      `INSERT INTO dispatch.officers (officer_id, department, domains, cert_valid_until, region_code, status)
       VALUES ($1, 'SAMR', '{SAMR}', current_date + $2::int, '440604', '在岗')`,
      [id, until],
    );
  await publishVisit(dispatch, {
    drawId: '0b6c8a55-5f0e-4d7e-9a7a-0000000d0a21',
    ...VISIT,
    creditCode,
    date: chinaDayIn(2),
    officerIds: [OWN_OFFICER, COLLEAGUE],
  });
}

/** One SAMR visit in a published plan of the next 30 days, on `date`, whose team is `officerIds`. */
export async function publishVisit(
  dispatch: DispatchHarness,
  v: { drawId: string; id: string; number: string; creditCode: string; date: string; officerIds: string[] },
): Promise<void> {
  const q = (sql: string, params: unknown[]) => dispatch.dataSource.query(sql, params);
  await q(
    `INSERT INTO dispatch.draws (id, seed, window_from, window_to, status, suspended, exploration_share, inputs_fingerprint, result_fingerprint,
       inputs_gz, tasks, strata, unassigned, figures, checker, violation_count, violations, public_scope)
     VALUES ($1, 's', current_date, current_date + 30, 'published', false, 0.1, 'f', 'r', '\\x00', '[]', '[]', '[]', '{}', 'ok', 0, '[]', '{}')`,
    [v.drawId],
  );
  await q(
    `INSERT INTO dispatch.visits (id, draw_id, credit_code, region_code, date, departments, task_ids, reasons, clue_ids, checklist, exploration,
       route_key, route_order, notice_allowed, visit_no)
     VALUES ($1, $2, $3, '440604', $4::date, '{SAMR}', '{}', '{random}', '{}', '[]', false, 'r-1', 0, false, $5)`,
    [v.id, v.drawId, v.creditCode, v.date, v.number],
  );
  for (const officerId of v.officerIds) await q(`INSERT INTO dispatch.visit_officers (visit_id, officer_id) VALUES ($1, $2)`, [v.id, officerId]);
}
