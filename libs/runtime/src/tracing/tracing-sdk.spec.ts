import { AlwaysOffSampler, AlwaysOnSampler, ParentBasedSampler, TraceIdRatioBasedSampler } from '@opentelemetry/sdk-trace-node';
import { describeSdkProblem, samplerOf } from './tracing-sdk';

describe('samplerOf', () => {
  it('builds the sampler each name stands for', () => {
    expect(samplerOf({ samplerName: 'always_on', ratio: 1 })).toBeInstanceOf(AlwaysOnSampler);
    expect(samplerOf({ samplerName: 'always_off', ratio: 1 })).toBeInstanceOf(AlwaysOffSampler);
    expect(samplerOf({ samplerName: 'traceidratio', ratio: 0.5 }).toString()).toBe('TraceIdRatioBased{0.5}');
    expect(samplerOf({ samplerName: 'traceidratio', ratio: 0.5 })).toBeInstanceOf(TraceIdRatioBasedSampler);
    expect(samplerOf({ samplerName: 'parentbased_always_on', ratio: 1 }).toString()).toMatch(/^ParentBased\{root=AlwaysOnSampler/);
    expect(samplerOf({ samplerName: 'parentbased_always_off', ratio: 1 }).toString()).toMatch(/^ParentBased\{root=AlwaysOffSampler/);
    const ratio = samplerOf({ samplerName: 'parentbased_traceidratio', ratio: 0.1 });
    expect(ratio).toBeInstanceOf(ParentBasedSampler);
    expect(ratio.toString()).toMatch(/^ParentBased\{root=TraceIdRatioBased\{0.1\}/);
  });
});

describe('describeSdkProblem', () => {
  it('shows an error by its message, however the SDK handed it over', () => {
    const refused = { message: 'connect ECONNREFUSED 127.0.0.1:4318', stack: 'Error: …', code: 'ECONNREFUSED' };
    expect(describeSdkProblem(refused)).toBe('connect ECONNREFUSED 127.0.0.1:4318');
    expect(describeSdkProblem(JSON.stringify(refused))).toBe('connect ECONNREFUSED 127.0.0.1:4318');
    expect(describeSdkProblem('Dropped 12 spans because maxQueueSize reached')).toBe('Dropped 12 spans because maxQueueSize reached');
    expect(describeSdkProblem('{not json')).toBe('{not json');
    expect(describeSdkProblem({ dropped: 3 })).toBe('{"dropped":3}');
  });
});
