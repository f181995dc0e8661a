import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUITE_APPS } from '../apps.registry';
import { appEnvironment } from './app-supervisor';

/** Each docker-compose service's published ports (`ports: [...]`), read line by line. */
function publishedPorts(compose: string): Map<string, string[]> {
  const ports = new Map<string, string[]>();
  let service = '';
  for (const line of compose.split('\n')) {
    const named = /^ {2}([\w-]+):\s*$/.exec(line);
    if (named) service = named[1];
    const listed = /^ {4}ports:\s*\[(.*)\]/.exec(line);
    if (listed)
      ports.set(
        service,
        [...listed[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]),
      );
  }
  return ports;
}

describe('only the web app, which checks every call, can be reached from other machines', () => {
  it('docker compose publishes the other apps on the host’s loopback alone', () => {
    const ports = publishedPorts(readFileSync(join(__dirname, '../../../docker-compose.yml'), 'utf8'));
    expect(ports.get('web')).toEqual(['3100:3100']);
    for (const [service, mappings] of ports) {
      if (service === 'web') continue;
      for (const mapping of mappings) expect({ service, mapping }).toEqual({ service, mapping: expect.stringMatching(/^127\.0\.0\.1:/) });
    }
    expect([...ports.keys()]).toEqual(expect.arrayContaining(['intake', 'dispatch', 'oversight']));
  });

  it('tianping start keeps the other apps on this machine even when HOST opens the pages to the network', () => {
    for (const app of SUITE_APPS) {
      expect([app.name, appEnvironment(app, { HOST: '0.0.0.0' }).HOST]).toEqual([app.name, app.name === 'web' ? '0.0.0.0' : '127.0.0.1']);
    }
  });
});
