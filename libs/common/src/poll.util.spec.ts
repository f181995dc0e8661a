import { pollUntil } from './poll.util';

describe('pollUntil', () => {
  it('returns the first answer that is done, asking again until then', async () => {
    let asked = 0;
    const answer = await pollUntil(
      async () => ++asked,
      (n) => n === 3,
      () => new Error('never'),
      { timeoutMs: 1_000, intervalMs: 1 },
    );
    expect(answer).toBe(3);
    expect(asked).toBe(3);
  });

  it('throws the error made of the last answer once past the deadline', async () => {
    let asked = 0;
    await expect(
      pollUntil(
        async () => ++asked,
        () => false,
        (last) => new Error(`got to ${last}`),
        { timeoutMs: 0, intervalMs: 1 },
      ),
    ).rejects.toThrow(/^got to \d+$/);
    expect(asked).toBeGreaterThanOrEqual(1);
  });
});
