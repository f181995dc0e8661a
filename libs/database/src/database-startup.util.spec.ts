import { isDatabaseStarting, retryWhileStarting } from './database-startup.util';

const pgError = (code: string) => Object.assign(new Error(`pg ${code}`), { code });

describe('database start-up', () => {
  it('waits for a database that is starting or refusing connections, and gives up on anything else', () => {
    expect(isDatabaseStarting(pgError('57P03'))).toBe(true); // the database system is starting up
    expect(isDatabaseStarting(pgError('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseStarting(new AggregateError([pgError('ECONNREFUSED'), pgError('ECONNREFUSED')]))).toBe(true);
    expect(isDatabaseStarting(pgError('28P01'))).toBe(false); // wrong password: waiting will not help
    expect(isDatabaseStarting(pgError('3D000'))).toBe(false); // no such database
    expect(isDatabaseStarting(new Error('plain'))).toBe(false);
  });

  it('retries until the database answers', async () => {
    let calls = 0;
    const retried: number[] = [];
    const result = await retryWhileStarting(
      async () => {
        calls += 1;
        if (calls < 3) throw pgError('57P03');
        return 'ready';
      },
      { firstDelayMs: 1, onRetry: (_, n) => retried.push(n) },
    );
    expect(result).toBe('ready');
    expect(retried).toEqual([1, 2]);
  });

  it('passes a permanent error on at once, and a transient one once the deadline has passed', async () => {
    let calls = 0;
    await expect(
      retryWhileStarting(
        async () => {
          calls += 1;
          throw pgError('28P01');
        },
        { firstDelayMs: 1 },
      ),
    ).rejects.toThrow('pg 28P01');
    expect(calls).toBe(1);
    await expect(
      retryWhileStarting(
        async () => {
          throw pgError('ECONNREFUSED');
        },
        { firstDelayMs: 5, timeoutMs: 20 },
      ),
    ).rejects.toThrow('pg ECONNREFUSED');
  });
});
