import { Logger } from '@nestjs/common';
import { jetstream, jetstreamManager } from '@nats-io/jetstream';
import type { NatsConnection } from '@nats-io/transport-node';
import { STREAMS } from '@tianping/contracts';
import { connectNats, DurableConsumer, ensureStreams, listDeadLetters, PoisonMessage, replayDeadLetter } from '@tianping/messaging';
import { startTestNats, type TestNats } from '@tianping/testing';

const SUBJECT = 'intake.subjects.upserted.v1';

/** Polls until the probe gives something (a non-empty list, true). */
async function until<T>(probe: () => Promise<T | null | undefined | false>, what: string, timeoutMs = 20_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value && (!Array.isArray(value) || value.length > 0)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** A consumer must survive any message: one it cannot take goes to the dead letters, and the next is taken. */
describe('durable consumer and dead letters', () => {
  let nats: TestNats;
  let nc: NatsConnection;
  let consumer: DurableConsumer | undefined;
  const taken: string[] = [];

  beforeEach(async () => {
    nats = await startTestNats();
    nc = await connectNats(nats.url, 'durable-consumer-test');
    await ensureStreams(nc);
    taken.length = 0;
    consumer = new DurableConsumer(nc, {
      stream: STREAMS.intake.name,
      durable: 'test-subjects',
      filterSubject: SUBJECT,
      maxDeliver: 2,
      handle: async (msg) => {
        const text = new TextDecoder().decode(msg.data);
        if (!text.startsWith('{"ok"')) throw new PoisonMessage(`not the contract: ${text.slice(0, 100)}`);
        taken.push(text);
      },
    });
    await consumer.start();
  });
  afterEach(async () => {
    await consumer?.stop();
    await nc.close();
    await nats.stop();
  });

  it('says why a message was dead-lettered without the ID or phone numbers the error quoted, in the letter and the log', async () => {
    const logged = jest.spyOn(Logger.prototype, 'warn');
    await jetstream(nc).publish(SUBJECT, new TextEncoder().encode('{"legal_rep_id":"440604199001011234","phone":"13800138000"}'));
    const [letter] = await until(async () => (await listDeadLetters(nc)).filter((l) => l.originalSubject === SUBJECT), 'the dead letter');
    expect(letter.error).toContain('not the contract');
    expect(letter.error).not.toMatch(/440604199001011234|13800138000/);
    // Whatever logger the process has (the command line's is Nest's own, which redacts nothing).
    const lines = logged.mock.calls.map((call) => String(call[0]));
    logged.mockRestore();
    expect(lines.some((line) => line.includes('moved to dead letters'))).toBe(true);
    expect(lines.join('\n')).not.toMatch(/440604199001011234|13800138000/);
  });

  it('dead-letters a message as large as NATS allows, keeps it whole for replay, and takes the next one', async () => {
    const maxPayload = nc.info!.max_payload;
    const huge = new TextEncoder().encode(`{"padding":"${'x'.repeat(maxPayload - 256)}"}`);
    const js = jetstream(nc);
    await js.publish(SUBJECT, huge);
    await js.publish(SUBJECT, new TextEncoder().encode('{"ok":1}'));

    await until(() => Promise.resolve(taken.length === 1), 'the next message to be taken');
    const [letter] = await until(async () => (await listDeadLetters(nc)).filter((l) => l.originalSubject === SUBJECT), 'the dead letter');
    expect(letter.truncatedFrom).toBe(huge.length);
    expect(letter.bytes).toBeLessThan(huge.length);

    const replayed = await replayDeadLetter(nc, letter.seq);
    const jsm = await jetstreamManager(nc);
    const again = await jsm.streams.getMessage(STREAMS.intake.name, { seq: replayed.newSequence });
    expect(Buffer.from(again!.data).equals(Buffer.from(huge))).toBe(true);
    // Consumers that order changes by when they were published see the replay at the time it first had.
    const first = await jsm.streams.getMessage(STREAMS.intake.name, { seq: letter.originalSequence! });
    const firstNanos = BigInt(first!.time.getTime()) * 1_000_000n;
    const said = BigInt(again!.header!.get('Tianping-Original-Published'));
    expect(said / 1_000_000n).toBe(firstNanos / 1_000_000n);
    expect(BigInt(again!.time.getTime()) * 1_000_000n).toBeGreaterThan(said);
  });

  it('consumes again after NATS restarts without its data: the stream and the consumer are made anew', async () => {
    await jetstream(nc).publish(SUBJECT, new TextEncoder().encode('{"ok":"before"}'));
    await until(() => Promise.resolve(taken.length === 1), 'the message before the loss');
    await nats.restart({ withoutData: true });
    await until(
      () =>
        jetstreamManager(nc)
          .then((jsm) => jsm.streams.info(STREAMS.intake.name))
          .catch(() => null),
      'the stream made again by the consumer',
      30_000,
    );
    await jetstream(nc).publish(SUBJECT, new TextEncoder().encode('{"ok":"after"}'));
    await until(() => Promise.resolve(taken.includes('{"ok":"after"}')), 'the message after the loss', 30_000);
  }, 60_000);

  it('keeps a bad message when the dead letters cannot take it, and moves it there once they can', async () => {
    const jsm = await jetstreamManager(nc);
    await jsm.streams.delete(STREAMS.deadLetter.name);
    await jetstream(nc).publish(SUBJECT, new TextEncoder().encode('not json at all'));
    await jetstream(nc).publish(SUBJECT, new TextEncoder().encode('{"ok":2}'));
    await until(() => Promise.resolve(taken.length === 1), 'the next message to be taken');

    await ensureStreams(nc, [STREAMS.deadLetter]);
    const letters = await until(async () => (await listDeadLetters(nc)).filter((l) => l.originalSubject === SUBJECT), 'the dead letter', 40_000);
    expect(letters).toHaveLength(1);
    const info = await jsm.consumers.info(STREAMS.intake.name, 'test-subjects');
    expect(info.num_ack_pending + info.num_pending).toBe(0);
  }, 60_000);
});
