import { isNatsAway, retryWhileNatsAway } from './nats-startup.util';

const named = (name: string, message = name) => Object.assign(new Error(message), { name });

describe('isNatsAway', () => {
  it('recognises a server restarting: timeouts, no responders, JetStream temporarily unavailable, also as a cause', () => {
    expect(isNatsAway(named('TimeoutError', 'timeout'))).toBe(true);
    expect(isNatsAway(named('NoResponders', 'no responders: $JS.API.INFO'))).toBe(true);
    expect(isNatsAway(Object.assign(named('JetStreamApiError', 'JetStream system temporarily unavailable'), { status: 503 }))).toBe(true);
    expect(isNatsAway(Object.assign(named('RequestError', 'request failed'), { cause: named('TimeoutError') }))).toBe(true);
  });

  it('leaves errors of the call itself alone', () => {
    expect(isNatsAway(Object.assign(named('JetStreamApiError', 'stream not found'), { status: 404 }))).toBe(false);
    expect(isNatsAway(new TypeError('bad'))).toBe(false);
    expect(isNatsAway(null)).toBe(false);
  });
});

describe('retryWhileNatsAway', () => {
  it('tries again while NATS is away and returns what the call gives', async () => {
    let calls = 0;
    const value = await retryWhileNatsAway(
      async () => {
        if (++calls < 3) throw named('TimeoutError');
        return 'up';
      },
      { timeoutMs: 5_000, firstDelayMs: 1 },
    );
    expect({ value, calls }).toEqual({ value: 'up', calls: 3 });
  });

  it('throws any other error at once', async () => {
    let calls = 0;
    const call = async () => {
      calls++;
      throw new Error('stream name already in use');
    };
    await expect(retryWhileNatsAway(call, { timeoutMs: 5_000, firstDelayMs: 1 })).rejects.toThrow('already in use');
    expect(calls).toBe(1);
  });

  it('reads its deadline from NATS_STARTUP_TIMEOUT_MS and refuses a value that is not one', async () => {
    const before = process.env.NATS_STARTUP_TIMEOUT_MS;
    process.env.NATS_STARTUP_TIMEOUT_MS = 'soon';
    try {
      await expect(retryWhileNatsAway(async () => 1)).rejects.toThrow(/NATS_STARTUP_TIMEOUT_MS must be a whole number of milliseconds/);
    } finally {
      if (before === undefined) delete process.env.NATS_STARTUP_TIMEOUT_MS;
      else process.env.NATS_STARTUP_TIMEOUT_MS = before;
    }
  });
});
