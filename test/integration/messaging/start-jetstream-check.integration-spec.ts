import { startTestNats, type TestNats } from '@tianping/testing';
import { checkJetStream } from '../../../tools/cli/start/local-services';

describe("`tianping start`'s check of the NATS it found", () => {
  const servers: TestNats[] = [];

  afterAll(async () => {
    for (const server of servers) await server.stop();
  });

  it('says at once that a NATS without JetStream (as Debian’s nats-server service runs) will not do', async () => {
    const plain = await startTestNats({ jetStream: false });
    servers.push(plain);
    await expect(checkJetStream(plain.url)).rejects.toThrow(/runs without JetStream.*-js.*systemctl disable --now nats-server/s);
  });

  it('lets a NATS with JetStream through', async () => {
    const withJetStream = await startTestNats();
    servers.push(withJetStream);
    await expect(checkJetStream(withJetStream.url)).resolves.toBeUndefined();
  });
});
