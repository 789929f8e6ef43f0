/**
 * The levels LOG_LEVEL may name, most severe first: pino's own. `info` is the default; lines below
 * the configured level are not written (lifecycle lines always are).
 */
export const LogLevels = ['fatal', 'error', 'warn', 'info', 'debug', 'trace'] as const;
export type LogLevel = (typeof LogLevels)[number];
export const DEFAULT_LOG_LEVEL: LogLevel = 'info';

export function isLogLevel(value: unknown): value is LogLevel {
  return (LogLevels as readonly unknown[]).includes(value);
}
