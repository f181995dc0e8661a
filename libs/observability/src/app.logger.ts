import { inspect } from 'node:util';
import { ConsoleLogger, Logger, type LogLevel } from '@nestjs/common';
import { redactText, redactValue } from './log-redaction.util';

export type LogFormat = 'json' | 'pretty';
export type LogStream = 'stdout' | 'stderr';
/** Where finished lines go; tests capture them, processes write them to stdout or stderr. */
export type LogSink = (line: string, stream: LogStream) => void;

const processSink: LogSink = (line, stream) => process[stream].write(`${line}\n`);

/** LOG_FORMAT=json|pretty; without it, JSON lines unless a person is watching a terminal. */
export function logFormatFromEnv(env: NodeJS.ProcessEnv = process.env, isTty = Boolean(process.stdout.isTTY)): LogFormat {
  if (env.LOG_FORMAT === 'json' || env.LOG_FORMAT === 'pretty') return env.LOG_FORMAT;
  return isTty ? 'pretty' : 'json';
}

export interface AppLoggerOptions {
  format?: LogFormat;
  logLevels?: LogLevel[];
  sink?: LogSink;
}

/**
 * The suite's logger: one JSON object a line ({time, level, app, context, message, stack?}) or
 * Nest's readable lines, and in both, ID numbers, phone numbers and personal-data fields masked
 * before anything is written.
 */
export class AppLogger extends ConsoleLogger {
  private readonly format: LogFormat;
  private readonly sink: LogSink;

  constructor(
    private readonly app: string,
    options: AppLoggerOptions = {},
  ) {
    const format = options.format ?? logFormatFromEnv();
    super({ prefix: app, logLevels: options.logLevels, colors: format === 'pretty' && Boolean(process.stdout.isTTY) });
    this.format = format;
    this.sink = options.sink ?? processSink;
  }

  protected override printMessages(messages: unknown[], context = '', logLevel: LogLevel = 'log', writeStreamType?: LogStream, errorStack?: unknown): void {
    const safe = messages.map((m) => redactValue(m));
    const stack = typeof errorStack === 'string' ? redactText(errorStack) : undefined;
    if (this.format === 'pretty') {
      for (const message of safe)
        this.sink(
          this.formatMessage(
            logLevel,
            message,
            this.formatPid(process.pid),
            logLevel.toUpperCase().padStart(7, ' '),
            this.formatContext(context),
            '',
          ).trimEnd(),
          writeStreamType ?? 'stdout',
        );
      return;
    }
    for (const message of safe) {
      const line: Record<string, unknown> = {
        time: new Date().toISOString(),
        level: logLevel,
        app: this.app,
        context: context || undefined,
        message: asText(message),
      };
      if (stack) line.stack = stack;
      this.sink(JSON.stringify(line), writeStreamType ?? 'stdout');
    }
  }

  protected override printStackTrace(stack: string): void {
    if (this.format === 'json' || !stack) return;
    this.sink(redactText(stack), 'stderr');
  }
}

function asText(message: unknown): string {
  if (typeof message === 'string') return message;
  if (message instanceof Error) return message.stack ?? message.message;
  try {
    return JSON.stringify(message) ?? String(message);
  } catch {
    return inspect(message, { depth: 4, breakLength: Infinity });
  }
}

/**
 * For a process that runs the apps' services without being one of them (the command line, the demo's
 * catch-up): the suite's redacting logger, at the given levels, in place of Nest's own.
 */
export function useRedactingLogger(app: string, logLevels: LogLevel[] = ['error', 'warn']): void {
  Logger.overrideLogger(new AppLogger(app, { logLevels }));
}
