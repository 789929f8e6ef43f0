import { IsInt, Min } from 'class-validator';
import { ConfigError, loadConfig } from './load-config';
import { DatabaseServiceConfig, LoggingConfig } from './service-config';

class Sample extends DatabaseServiceConfig {
  @IsInt() @Min(1) PORT: number = 8080;
}

describe('loadConfig', () => {
  it('applies defaults and converts numbers', () => {
    const config = loadConfig(Sample, { DATABASE_URL: 'postgres://localhost/x', PORT: '9090' });
    expect(config.PORT).toBe(9090);
    expect(config.NATS_URL).toBe('nats://127.0.0.1:4222');
  });

  it('lists every bad key at once', () => {
    let error: ConfigError | undefined;
    try {
      loadConfig(Sample, { DATABASE_URL: 'mysql://x', PORT: '0', NATS_URL: 'http://x' });
    } catch (e) {
      error = e as ConfigError;
    }
    expect(error).toBeInstanceOf(ConfigError);
    expect(error!.problems.map((p) => p.split(':')[0]).sort()).toEqual(['DATABASE_URL', 'NATS_URL', 'PORT']);
  });
});

describe('LOG_LEVEL', () => {
  it("takes pino's levels, in any case, and defaults to info", () => {
    expect(loadConfig(LoggingConfig, {}).LOG_LEVEL).toBe('info');
    expect(loadConfig(LoggingConfig, { LOG_LEVEL: 'trace' }).LOG_LEVEL).toBe('trace');
    expect(loadConfig(LoggingConfig, { LOG_LEVEL: ' WARN ' }).LOG_LEVEL).toBe('warn');
    expect(loadConfig(Sample, { DATABASE_URL: 'postgres://localhost/x', LOG_LEVEL: 'fatal' }).LOG_LEVEL).toBe('fatal');
  });

  it('refuses any other value, naming the ones it takes', () => {
    expect(() => loadConfig(LoggingConfig, { LOG_LEVEL: 'verbose' })).toThrow(
      new ConfigError(['LOG_LEVEL: must be one of fatal, error, warn, info, debug, trace']),
    );
  });
});
