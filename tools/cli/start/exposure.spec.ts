import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { SUITE_APPS } from '../apps.registry';
import { appEnvironment } from './app-supervisor';

/** Each docker-compose service's lines, by the service's name. */
function composeServices(): Map<string, string> {
  const compose = readFileSync(join(__dirname, '../../../docker-compose.yml'), 'utf8');
  const services = new Map<string, string>();
  let service = '';
  for (const line of compose.split('\n')) {
    const named = /^ {2}([\w-]+):\s*$/.exec(line);
    if (named) service = named[1];
    else if (service) services.set(service, `${services.get(service) ?? ''}${line}\n`);
  }
  return services;
}

/** The host ports a service publishes (`ports: ["…"]`). */
function publishedPorts(lines: string): string[] {
  const listed = /^ {4}ports:\s*\[(.*)\]/m.exec(lines);
  return listed ? [...listed[1].matchAll(/"([^"]+)"/g)].map((m) => m[1]) : [];
}

describe('only the web app, which checks every call, can be reached from other machines', () => {
  it('docker compose publishes the other apps on the host’s loopback alone', () => {
    const services = composeServices();
    expect(publishedPorts(services.get('web')!)).toEqual(['3100:3100']);
    for (const name of ['intake', 'dispatch', 'oversight']) expect(publishedPorts(services.get(name)!).length).toBeGreaterThan(0);
    for (const [service, lines] of services) {
      if (service === 'web') continue;
      for (const mapping of publishedPorts(lines)) expect({ service, mapping }).toEqual({ service, mapping: expect.stringMatching(/^127\.0\.0\.1:/) });
    }
  });

  it('docker compose gives the key to personal data to intake and the command line alone', () => {
    const holders = [...composeServices()].filter(([, lines]) => /TIANPING_PII_KEY|\*with-pii-key/.test(lines)).map(([service]) => service);
    expect(holders.sort()).toEqual(['cli', 'intake']);
  });

  it('docker compose gives intake and oversight the same key to complaint references, and web none (it only looks them up)', () => {
    const services = composeServices();
    const holders = [...services].filter(([, lines]) => /TIANPING_CLUE_REF_KEY|\*with-pii-key/.test(lines)).map(([service]) => service);
    expect(holders.sort()).toEqual(['cli', 'intake', 'oversight']);
    const keyOf = (service: string) => /TIANPING_CLUE_REF_KEY: (.*)/.exec(services.get(service)!)?.[1];
    expect(keyOf('oversight')).toBe(keyOf('intake'));
  });

  it('docker compose gives oversight and the command line, which both sign audit entries, the one signing key file', () => {
    const holders = [...composeServices()].filter(([, lines]) => /TIANPING_AUDIT_KEY_FILE/.test(lines));
    expect(holders.map(([service]) => service).sort()).toEqual(['cli', 'oversight']);
    for (const [, lines] of holders) {
      expect(lines).toMatch(/TIANPING_AUDIT_KEY_FILE: \/run\/secrets\/audit-signing-key/);
      expect(lines).toMatch(/secrets: \[audit-signing-key\]/);
    }
  });

  it('docker compose lets oversight and the command line find the body archive files in the one host directory', () => {
    const services = composeServices();
    for (const service of ['oversight', 'cli']) {
      const lines = services.get(service)!;
      const dir = /AUDIT_ARCHIVE_DIR: (\S+)/.exec(lines)?.[1];
      expect([service, dir]).toEqual([service, '/audit-archives']);
      expect(lines).toMatch(new RegExp(`"\\./audit-archives:${dir}(:ro)?"`));
    }
  });

  it('tianping start keeps the other apps on this machine even when HOST opens the pages to the network', () => {
    for (const app of SUITE_APPS) {
      expect([app.name, appEnvironment(app, { HOST: '0.0.0.0' }).HOST]).toEqual([app.name, app.name === 'web' ? '0.0.0.0' : '127.0.0.1']);
    }
  });
});
