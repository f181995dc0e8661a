import type { DrawCompleted } from '@tianping/contracts';
import { drawEventParts } from './draw-event-parts.util';

const header = {
  drawId: 'd-1',
  seed: 's',
  window: { from: '2026-12-01', to: '2026-12-31' },
  inputsFingerprint: 'f'.repeat(64),
  modelSuspended: false,
  modelVersion: 'm-1',
  explorationShare: 0.1,
  at: '2026-11-30T00:00:00.000Z',
};
const tasks = (n: number): DrawCompleted['tasks'] =>
  Array.from({ length: n }, (_, i) => ({ department: 'SAMR', creditCode: `914406${String(i).padStart(12, '0')}`, reason: 'risk' }));

describe('drawEventParts', () => {
  it("sends a large city's draw in parts that each fit in a NATS message, and lose no task", () => {
    const all = tasks(60_000); // a month of eight departments in a city of a million enterprises
    expect(Buffer.byteLength(JSON.stringify({ ...header, tasks: all }))).toBeGreaterThan(1024 * 1024);
    const parts = drawEventParts({ ...header, tasks: all });
    expect(parts.length).toBeGreaterThan(1);
    for (const part of parts) expect(Buffer.byteLength(JSON.stringify(part))).toBeLessThan(1024 * 1024);
    expect(parts.flatMap((p) => p.tasks)).toEqual(all);
    expect(parts.map((p) => p.part)).toEqual(parts.map((_, i) => i + 1));
    for (const part of parts) expect(part).toMatchObject({ ...header, parts: parts.length, taskCount: all.length });
  });

  it('sends a small draw, and a draw of no tasks, as one part', () => {
    expect(drawEventParts({ ...header, tasks: tasks(3) })).toEqual([{ ...header, tasks: tasks(3), part: 1, parts: 1, taskCount: 3 }]);
    expect(drawEventParts({ ...header, tasks: [] })).toEqual([{ ...header, tasks: [], part: 1, parts: 1, taskCount: 0 }]);
  });
});
