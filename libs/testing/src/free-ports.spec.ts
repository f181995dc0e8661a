import { createServer } from 'node:net';
import { ephemeralRange, freePorts } from './free-ports';

describe('freePorts', () => {
  it('reads the range outgoing connections use, and nothing from text that is not one', () => {
    expect(ephemeralRange('32768\t60999\n')).toEqual({ low: 32768, high: 60999 });
    expect(ephemeralRange('')).toBeNull();
    expect(ephemeralRange('80 90')).toBeNull();
  });

  it('gives distinct ports that can be listened on, below the outgoing range where there is one', async () => {
    const ports = await freePorts(8);
    expect(new Set(ports).size).toBe(8);
    const range = ephemeralRange();
    if (range) for (const port of ports) expect(port).toBeLessThan(range.low);
    for (const port of ports) {
      const server = createServer();
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, '127.0.0.1', () => resolve());
      });
      await new Promise((resolve) => server.close(resolve));
    }
  });

  it('never gives the same port twice, even when the random pick repeats', async () => {
    let calls = 0;
    const ports = await freePorts(3, () => [0.5, 0.5, 0.25, 0.5, 0.75][calls++ % 5]);
    expect(new Set(ports).size).toBe(3);
  });
});
