type Level = 'error' | 'warn' | 'info' | 'debug';
const rank: Record<Level, number> = { error: 0, warn: 1, info: 2, debug: 3 };

const secretPatterns = [/\bsk-[A-Za-z0-9_-]{6,}/g, /\b(Bearer)\s+[A-Za-z0-9._-]{6,}/gi];

/** Removes anything that looks like an API key before it reaches a log line. */
export function redact(text: string): string {
  return secretPatterns.reduce((acc, pattern) => acc.replace(pattern, (match) => `${match.slice(0, 3)}***`), text);
}

function render(value: unknown): string {
  if (value instanceof Error) return value.stack ?? value.message;
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/**
 * A JSON-lines logger with the method set Nest expects of a LoggerService, so one logger serves
 * the framework and our own code.
 */
export class JsonLogger {
  private readonly max: number;

  constructor(
    private readonly service: string,
    level: Level = 'info',
    private readonly out: NodeJS.WritableStream = process.stdout,
  ) {
    this.max = rank[level];
  }

  private write(level: Level, message: unknown, context: unknown[], always = false): void {
    if (!always && rank[level] > this.max) return;
    const extra = context.filter((c) => c !== undefined).map(render);
    const line: Record<string, unknown> = { t: new Date().toISOString(), level, service: this.service, msg: redact(render(message)) };
    if (extra.length) line.ctx = redact(extra.join(' | '));
    this.out.write(`${JSON.stringify(line)}\n`);
  }

  /** Start and stop of the process: written whatever the level, since supervisors wait for them. */
  lifecycle(message: string): void {
    this.write('info', message, [], true);
  }
  log(message: unknown, ...context: unknown[]): void {
    this.write('info', message, context);
  }
  info(message: unknown, ...context: unknown[]): void {
    this.write('info', message, context);
  }
  error(message: unknown, ...context: unknown[]): void {
    this.write('error', message, context);
  }
  warn(message: unknown, ...context: unknown[]): void {
    this.write('warn', message, context);
  }
  debug(message: unknown, ...context: unknown[]): void {
    this.write('debug', message, context);
  }
  verbose(message: unknown, ...context: unknown[]): void {
    this.write('debug', message, context);
  }
}
