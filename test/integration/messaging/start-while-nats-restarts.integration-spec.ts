import { Logger } from '@nestjs/common';
import { jetstream } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { STREAMS } from '@tianping/contracts';
import { connectNats, DurableConsumer, ensureStreams, retryWhileNatsAway } from '@tianping/messaging';
import { startTestNats, type TestNats } from '@tianping/testing';

const SUBJECT = 'intake.subjects.upserted.v1';

/** An app that boots while NATS restarts waits for it, where it used to exit on the first timeout. */
describe('starting while NATS restarts', () => {
  let nats: TestNats;
  let nc: NatsConnection;

  beforeEach(async () => {
    nats = await startTestNats();
    nc = await connectNats(nats.url, 'start-while-nats-restarts');
    await ensureStreams(nc);
  });
  afterEach(async () => {
    await nc.close();
    await nats.stop();
  });

  const restartIn = (ms: number) => new Promise<void>((resolve) => setTimeout(() => void nats.restart().then(resolve), ms));

  it('starts a durable consumer once NATS is back, and the consumer takes what is published', async () => {
    const warned = jest.spyOn(Logger.prototype, 'warn');
    await nats.stop(true);
    const back = restartIn(2_500);
    const taken: string[] = [];
    const consumer = new DurableConsumer(nc, {
      stream: STREAMS.intake.name,
      durable: 'start-while-restarting',
      filterSubject: SUBJECT,
      handle: async (msg) => void taken.push(new TextDecoder().decode(msg.data)),
    });
    await consumer.start();
    await back;
    const waits = warned.mock.calls.filter((call) => String(call[0]).includes('NATS not answering yet'));
    warned.mockRestore();
    expect(waits.length).toBeGreaterThan(0);
    await jetstream(nc).publish(SUBJECT, new TextEncoder().encode('{"ok":1}'));
    for (let i = 0; i < 100 && taken.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    await consumer.stop();
    expect(taken).toEqual(['{"ok":1}']);
  });

  it('makes the streams once NATS is back', async () => {
    await nats.stop(true);
    const back = restartIn(2_500);
    const waits: string[] = [];
    await retryWhileNatsAway(() => ensureStreams(nc), { timeoutMs: 30_000, onRetry: (error) => waits.push((error as Error).name) });
    await back;
    expect(waits.length).toBeGreaterThan(0);
    expect(waits.every((name) => /Timeout|NoResponders|Connection/.test(name))).toBe(true);
    const jsm = await ensureStreams(nc);
    expect((await jsm.streams.info(STREAMS.intake.name)).config.name).toBe(STREAMS.intake.name);
  });

  it('still fails at once on an error that waiting cannot mend', async () => {
    const started = Date.now();
    const wrong = new DurableConsumer(nc, { stream: 'NO_SUCH_STREAM', durable: 'nowhere', filterSubject: 'nowhere.v1', handle: async () => undefined });
    await expect(wrong.start()).rejects.toThrow(/not found/i);
    expect(Date.now() - started).toBeLessThan(10_000);
  });

  it('gives up at its deadline while NATS stays away', async () => {
    await nats.stop(true);
    await expect(retryWhileNatsAway(() => ensureStreams(nc), { timeoutMs: 3_000 })).rejects.toMatchObject({
      name: expect.stringMatching(/Timeout|NoResponders/),
    });
    await nats.restart();
  });
});
