import { Logger } from '@nestjs/common';
import { AppLogger, logFormatFromEnv, type LogStream } from './app.logger';

describe('the app logger', () => {
  const capture = () => {
    const lines: { line: string; stream: LogStream }[] = [];
    return { lines, sink: (line: string, stream: LogStream) => lines.push({ line, stream }) };
  };

  it('writes one JSON object a line with time, level, app, context and message', () => {
    const { lines, sink } = capture();
    const logger = new AppLogger('intake', { format: 'json', sink });
    logger.log('listening', 'Bootstrap');
    logger.warn('slow batch', 'IngestService');
    const [first, second] = lines.map((l) => JSON.parse(l.line));
    expect(first).toMatchObject({ level: 'log', app: 'intake', context: 'Bootstrap', message: 'listening' });
    expect(new Date(first.time).toISOString()).toBe(first.time);
    expect(second).toMatchObject({ level: 'warn', context: 'IngestService', message: 'slow batch' });
  });

  it('sends errors to stderr with their stack, redacted', () => {
    const { lines, sink } = capture();
    const logger = new AppLogger('intake', { format: 'json', sink });
    const error = new Error('row for 440604198703150018 failed');
    logger.error(error.message, error.stack, 'BatchWriter');
    expect(lines).toHaveLength(1);
    expect(lines[0].stream).toBe('stderr');
    const entry = JSON.parse(lines[0].line);
    expect(entry).toMatchObject({ level: 'error', context: 'BatchWriter' });
    expect(entry.stack).toContain('at ');
    expect(lines[0].line).not.toContain('440604198703150018');
  });

  it('redacts objects and readable lines too, and is what every Nest Logger writes through', () => {
    const { lines, sink } = capture();
    Logger.overrideLogger(new AppLogger('web', { format: 'pretty', sink }));
    new Logger('Accounts').log({ username: 'ent', password: 'secret-1', phone: '13812345678' });
    new Logger('Accounts').warn('login from 13812345678');
    Logger.overrideLogger(false);
    expect(lines.map((l) => l.line).join('\n')).not.toMatch(/secret-1|13812345678/);
    expect(lines[1].line).toContain('[Accounts] login from 138****5678');
  });

  it('chooses JSON unless told otherwise or a person watches a terminal', () => {
    expect(logFormatFromEnv({}, false)).toBe('json');
    expect(logFormatFromEnv({}, true)).toBe('pretty');
    expect(logFormatFromEnv({ LOG_FORMAT: 'json' }, true)).toBe('json');
    expect(logFormatFromEnv({ LOG_FORMAT: 'pretty' }, false)).toBe('pretty');
  });
});
