import { Logger } from '@nestjs/common';
import { useRedactingLogger } from './app.logger';

describe('the logger of processes that are not one of the apps (the command line, the demo)', () => {
  afterEach(() => Logger.overrideLogger(true));

  it('masks ID and phone numbers, and writes only the levels asked for', () => {
    const written: string[] = [];
    const write = jest.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    const errors = jest.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => (written.push(String(chunk)), true));
    try {
      useRedactingLogger('cli');
      new Logger('check').warn('not the contract: {"legal_rep_id":"440604199001011234","phone":"13800138000"}');
      new Logger('check').log('an ordinary line');
    } finally {
      write.mockRestore();
      errors.mockRestore();
    }
    expect(written.join('')).toContain('not the contract');
    expect(written.join('')).not.toMatch(/440604199001011234|13800138000/);
    expect(written.join('')).not.toContain('an ordinary line');
  });
});
