import pino, { DestinationStream, Logger } from 'pino';
import { DEFAULT_LOG_LEVEL, LogLevel } from './levels';
import { redact, REDACTED, redactStrings, secretFieldPaths } from './redact';

export { redact } from './redact';

/** Where lines go unless told otherwise: the process's stdout, written synchronously (its supervisor files it under <dataDir>/logs). */
let stdoutDestination: DestinationStream | null = null;
function stdout(): DestinationStream {
  stdoutDestination ??= pino.destination({ fd: 1, sync: true });
  return stdoutDestination;
}

function render(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A JSON-lines logger on pino, with the method set Nest expects of a LoggerService, so one logger
 * serves the framework and our own code. Every line carries `level` (its name), `time` (ISO 8601),
 * `service`, `msg`; the extra arguments Nest and our code pass (a context name, an error) go into
 * `ctx` as text. Anything that looks like a key is masked in messages and in every field; fields
 * named like a secret (`key`, `authorization`, `headers`…) are written as `[redacted]`.
 */
export class JsonLogger {
  private readonly pino: Logger;
  /** the same lines, at `info` whatever the level: for start and stop, which supervisors wait for */
  private readonly lifecycleLog: Logger;

  constructor(
    readonly service: string,
    level: LogLevel = DEFAULT_LOG_LEVEL,
    out: DestinationStream = stdout(),
  ) {
    this.pino = pino(
      {
        level,
        base: { service, pid: process.pid },
        timestamp: pino.stdTimeFunctions.isoTime,
        formatters: {
          level: (label) => ({ level: label }),
          log: (fields) => redactStrings(fields) as Record<string, unknown>,
        },
        redact: { paths: secretFieldPaths, censor: REDACTED },
      },
      out,
    );
    this.lifecycleLog = this.pino.child({}, { level: 'info' });
  }

  get level(): LogLevel {
    return this.pino.level as LogLevel;
  }

  isLevelEnabled(level: LogLevel): boolean {
    return this.pino.isLevelEnabled(level);
  }

  private write(target: Logger, level: LogLevel, message: unknown, context: unknown[]): void {
    if (!target.isLevelEnabled(level)) return;
    const extra = context.filter((c) => c !== undefined).map(render);
    const msg = redact(render(message));
    if (extra.length) target[level]({ ctx: extra.join(' | ') }, msg);
    else target[level](msg);
  }

  /**
   * One line of named fields at `level` (an access line, an event a dashboard counts): the fields go
   * in as they are, next to `msg`, redacted like everything else.
   */
  event(level: LogLevel, message: string, fields: Record<string, unknown>): void {
    if (this.pino.isLevelEnabled(level)) this.pino[level](fields, redact(message));
  }

  /** Start and stop of the process: written whatever the level, since supervisors wait for them. */
  lifecycle(message: string): void {
    this.write(this.lifecycleLog, 'info', message, []);
  }
  log(message: unknown, ...context: unknown[]): void {
    this.write(this.pino, 'info', message, context);
  }
  info(message: unknown, ...context: unknown[]): void {
    this.write(this.pino, 'info', message, context);
  }
  fatal(message: unknown, ...context: unknown[]): void {
    this.write(this.pino, 'fatal', message, context);
  }
  error(message: unknown, ...context: unknown[]): void {
    this.write(this.pino, 'error', message, context);
  }
  warn(message: unknown, ...context: unknown[]): void {
    this.write(this.pino, 'warn', message, context);
  }
  debug(message: unknown, ...context: unknown[]): void {
    this.write(this.pino, 'debug', message, context);
  }
  /** Nest's most detailed level: pino's `trace` */
  verbose(message: unknown, ...context: unknown[]): void {
    this.write(this.pino, 'trace', message, context);
  }
}
