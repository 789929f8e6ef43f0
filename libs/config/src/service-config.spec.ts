import { ConfigError, loadConfig } from './load-config';
import { BaseServiceConfig, natsServersOf } from './service-config';

const problemsOf = (env: NodeJS.ProcessEnv): string[] => {
  try {
    loadConfig(BaseServiceConfig, env);
    return [];
  } catch (error) {
    return (error as ConfigError).problems.map((p) => p.split(':')[0]);
  }
};

describe('NATS_URL', () => {
  it('takes one server or the servers of a cluster, comma-separated, spaces allowed around the commas', () => {
    for (const url of ['nats://127.0.0.1:4222', 'nats://a:4222,nats://b:4222,nats://c:4222', 'nats://user:pass@a:4222 , tls://b:4222']) {
      expect({ url, problems: problemsOf({ NATS_URL: url }) }).toEqual({ url, problems: [] });
    }
  });

  it('refuses a list with an empty entry, a missing scheme or another scheme', () => {
    for (const url of [
      'nats://a:4222,',
      ',nats://a:4222',
      'nats://a:4222,,nats://b:4222',
      'nats://a:4222,b:4222',
      'http://a:4222',
      'nats://a b',
    ]) {
      expect({ url, problems: problemsOf({ NATS_URL: url }) }).toEqual({ url, problems: ['NATS_URL'] });
    }
  });

  it('is split into the servers the client is given, in order', () => {
    expect(natsServersOf('nats://127.0.0.1:4222')).toEqual(['nats://127.0.0.1:4222']);
    expect(natsServersOf('nats://a:1 , nats://b:2,nats://c:3')).toEqual(['nats://a:1', 'nats://b:2', 'nats://c:3']);
  });
});

describe('SWITCHYARD_JETSTREAM_REPLICAS', () => {
  it('is 1 unless set, and takes 1 to 5', () => {
    expect(loadConfig(BaseServiceConfig, {}).SWITCHYARD_JETSTREAM_REPLICAS).toBe(1);
    expect(loadConfig(BaseServiceConfig, { SWITCHYARD_JETSTREAM_REPLICAS: '3' }).SWITCHYARD_JETSTREAM_REPLICAS).toBe(3);
    expect(loadConfig(BaseServiceConfig, { SWITCHYARD_JETSTREAM_REPLICAS: '5' }).SWITCHYARD_JETSTREAM_REPLICAS).toBe(5);
  });

  it('refuses 0, 6, a fraction and words', () => {
    for (const value of ['0', '6', '2.5', 'three']) {
      expect({ value, problems: problemsOf({ SWITCHYARD_JETSTREAM_REPLICAS: value }) }).toEqual({
        value,
        problems: ['SWITCHYARD_JETSTREAM_REPLICAS'],
      });
    }
  });
});
