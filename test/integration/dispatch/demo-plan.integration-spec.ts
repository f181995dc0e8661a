import { IntakeSubjects, ScoringSubjects } from '@tianping/contracts';
import { chinaDay } from '@tianping/common';
import { drawDemoFortnightIfNoneAhead } from '../../../apps/dispatch/src/demo/demo-plan';
import { DrawService, type DrawOutcome } from '../../../apps/dispatch/src/draw/draw.service';
import { DispatchOutbox } from '../../../apps/dispatch/src/outbox/dispatch-outbox.provider';
import { batches, cityEvents, scoreBatches } from './city-events.fixture';
import { startDispatch, type DispatchHarness } from './dispatch-app.harness';

const day = (offset: number) => new Date(Date.parse(`${chinaDay()}T00:00:00Z`) + offset * 86_400_000).toISOString().slice(0, 10);

/** `npm start` on a later day: the demo's plan may have run out while it was stopped. */
describe('the demo draws its next two weeks again when no plan lies ahead', () => {
  let h: DispatchHarness;
  const said: string[] = [];
  const topUp = () => drawDemoFortnightIfNoneAhead(h.dataSource, h.app.get(DrawService), h.app.get(DispatchOutbox), (line) => said.push(line));

  beforeAll(async () => {
    h = await startDispatch();
    const city = cityEvents('demo-top-up', 300, 30, { start: day(0), end: day(13) });
    for (const b of batches(city.subjects)) await h.publish(IntakeSubjects.subjectsUpserted, b);
    for (const b of batches(city.officers)) await h.publish(IntakeSubjects.officersUpserted, b);
    for (const b of scoreBatches(city.scores)) await h.publish(ScoringSubjects.scoresComputed, b);
    await h.settle((c) => c.enterprises === city.subjects.length && c.officers === city.officers.length && c.scores === city.scores.length);
  });
  afterAll(() => h.close());

  it('draws from today when the last plan ended yesterday, and leaves a plan ahead alone, even one not begun', async () => {
    const past = await h.http<DrawOutcome>('POST', '/api/draws', { from: day(-14), to: day(-1), backfill: true, seed: 'past' });
    expect(past.body.status).toBe('published');

    const drawn = await topUp();
    expect(drawn).toMatchObject({ status: 'published', seed: `demo-${day(0)}`, window: { from: day(0), to: day(13) } });
    expect(said.join('\n')).toContain(`demo: plan ${day(0)} → ${day(13)} drawn`);
    expect(await topUp()).toBeNull();

    // A dispatcher's plan for a later window, drawn while the demo was stopped: nothing is drawn over it.
    const later = await h.http<DrawOutcome>('POST', '/api/draws', { from: day(20), to: day(30), seed: 'later' });
    expect(later.body.status).toBe('published');
    await h.dataSource.query(`UPDATE dispatch.draws SET status = 'superseded' WHERE id = $1`, [drawn!.id]);
    expect(await topUp()).toBeNull();
    const [{ published }] = await h.dataSource.query(`SELECT count(*)::int AS published FROM dispatch.draws WHERE status = 'published'`);
    expect(published).toBe(2);
  });
});
