import { startIntake, SUBJECTS_HEADER, subjectLine, type IntakeHarness } from './intake-app.harness';

const A = '91440604MA4UJ8K20C';
const ID_NUMBER = '440604198703150018';

interface Held {
  id: number;
  status: string;
  rawMasked: Record<string, unknown>;
  reasons: { field: string }[];
  resolution: { fields: string[]; changes?: { field: string; from: unknown; to: unknown }[] } | null;
}

/**
 * A quarantined record corrected and replayed keeps what each corrected field was and became, as the operator's
 * view shows values: a personal field (the legal representative's ID number) masked before and after.
 */
describe('a replayed record keeps what it was corrected to', () => {
  let intake: IntakeHarness;
  const post = async (path: string, body: string, type: string) =>
    (await fetch(`${intake.baseUrl}${path}`, { method: 'POST', headers: { 'content-type': type }, body })).json();
  const held = async (id: number): Promise<Held> => (await fetch(`${intake.baseUrl}/api/quarantine/${id}`)).json();

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(async () => intake?.close());

  it('keeps each corrected field before and after, the ID number masked on both sides', async () => {
    const line = subjectLine(A, { establishedOn: '2016-13-45' }).replace(ID_NUMBER, '12345');
    expect(await post('/api/exports/subjects', `${SUBJECTS_HEADER}\n${line}\n`, 'text/csv')).toMatchObject({ quarantined: 1 });
    const [listed]: Held[] = await (await fetch(`${intake.baseUrl}/api/quarantine?kind=subjects&status=open`)).json();
    expect(listed.reasons.map((r) => r.field).sort()).toEqual(['established_on', 'legal_rep_id']);

    const corrections = { established_on: '2016-04-12', legal_rep_id: ID_NUMBER };
    expect(await post(`/api/quarantine/${listed.id}/replay`, JSON.stringify({ corrections }), 'application/json')).toMatchObject({ accepted: true });
    const replayed = await held(listed.id);
    expect(replayed.status).toBe('replayed');
    expect(replayed.resolution?.fields).toEqual(['established_on', 'legal_rep_id']);
    expect(replayed.resolution?.changes).toEqual([
      { field: 'established_on', from: '2016-13-45', to: '2016-04-12' },
      { field: 'legal_rep_id', from: '*****', to: '4406**********0018' },
    ]);
    expect(JSON.stringify(replayed)).not.toContain(ID_NUMBER);
  });
});
