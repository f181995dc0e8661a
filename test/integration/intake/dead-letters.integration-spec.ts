import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { jetstream } from '@nats-io/jetstream';
import { connect } from '@nats-io/transport-node';
import { DispatchSubjects } from '@tianping/contracts';
import { startIntake, type IntakeHarness } from './intake-app.harness';

/** A message no handler can ever take goes to the dead letters, where an operator finds and replays it. */
describe('dead letters', () => {
  let intake: IntakeHarness;
  const cli = async (...args: string[]) =>
    JSON.parse(
      (
        await promisify(execFile)(process.execPath, [join(__dirname, '../../../bin/tianping.js'), ...args], {
          env: { ...process.env, NATS_URL: intake.nats.url },
        })
      ).stdout
        .trim()
        .split('\n')
        .pop()!,
    );

  beforeAll(async () => {
    intake = await startIntake();
  });
  afterAll(() => intake.close());

  it('lists a malformed visit result with its reason, and replays it to its original subject', async () => {
    const nc = await connect({ servers: intake.nats.url });
    await jetstream(nc).publish(DispatchSubjects.visitResultRecorded, new TextEncoder().encode('{"creditCode":"91440604MA4UJ8K20C"}'));
    await nc.close();

    let listed: { deadLetters: { seq: number; originalSubject: string; error: string }[] } = { deadLetters: [] };
    for (let i = 0; i < 50 && listed.deadLetters.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 200));
      listed = await cli('dead-letters', 'list');
    }
    expect(listed.deadLetters).toHaveLength(1);
    const [letter] = listed.deadLetters;
    expect(letter).toMatchObject({ originalSubject: DispatchSubjects.visitResultRecorded });
    expect(letter.error).toContain('visitId');
    expect((await cli('dead-letters', 'show', String(letter.seq))).payload).toContain('91440604MA4UJ8K20C');

    const replayed = await cli('dead-letters', 'replay', String(letter.seq));
    expect(replayed).toMatchObject({ seq: letter.seq, republishedTo: DispatchSubjects.visitResultRecorded });
    // Still malformed: it comes back as a new dead letter, never lost.
    let again: typeof listed = { deadLetters: [] };
    for (let i = 0; i < 50 && !again.deadLetters.some((l) => l.seq > letter.seq); i++) {
      await new Promise((r) => setTimeout(r, 200));
      again = await cli('dead-letters', 'list');
    }
    expect(again.deadLetters.map((l) => l.seq)).not.toContain(letter.seq);
    expect(again.deadLetters.some((l) => l.seq > letter.seq)).toBe(true);
  });
});
