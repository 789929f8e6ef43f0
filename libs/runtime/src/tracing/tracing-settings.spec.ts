import { tracingSettingsFrom } from './tracing-settings';

const endpoint = { OTEL_EXPORTER_OTLP_ENDPOINT: 'http://collector:4318' };

describe('tracingSettingsFrom', () => {
  it('is off unless an OTLP endpoint is set, and when the SDK or the exporter is switched off', () => {
    expect(tracingSettingsFrom({})).toBeNull();
    expect(tracingSettingsFrom({ OTEL_EXPORTER_OTLP_ENDPOINT: '  ' })).toBeNull();
    expect(tracingSettingsFrom({ ...endpoint, OTEL_SDK_DISABLED: 'true' })).toBeNull();
    expect(tracingSettingsFrom({ ...endpoint, OTEL_TRACES_EXPORTER: 'none' })).toBeNull();
  });

  it('takes the traces endpoint before the generic one; samples everything a caller did not decide by default', () => {
    expect(tracingSettingsFrom(endpoint)).toEqual({
      endpoint: 'http://collector:4318',
      samplerName: 'parentbased_always_on',
      ratio: 1,
      recordContent: false,
    });
    expect(tracingSettingsFrom({ ...endpoint, OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://other:4318/v1/traces' })?.endpoint).toBe(
      'http://other:4318/v1/traces',
    );
    expect(tracingSettingsFrom({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://only-traces/v1/traces' })).not.toBeNull();
  });

  it('reads the standard sampler variables', () => {
    expect(
      tracingSettingsFrom({ ...endpoint, OTEL_TRACES_SAMPLER: 'parentbased_traceidratio', OTEL_TRACES_SAMPLER_ARG: '0.25' }),
    ).toMatchObject({
      samplerName: 'parentbased_traceidratio',
      ratio: 0.25,
    });
    expect(tracingSettingsFrom({ ...endpoint, OTEL_TRACES_SAMPLER: 'ALWAYS_ON' })?.samplerName).toBe('always_on');
    expect(tracingSettingsFrom({ ...endpoint, OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: '0' })?.ratio).toBe(0);
  });

  it('stops the start, with the reason, on a sampler, ratio, exporter or opt-in it does not understand', () => {
    expect(() => tracingSettingsFrom({ ...endpoint, OTEL_TRACES_SAMPLER: 'jaeger_remote' })).toThrow(/OTEL_TRACES_SAMPLER must be one of/);
    for (const arg of ['1.5', '-0.1', 'half', '0x1', 'NaN'])
      expect(() => tracingSettingsFrom({ ...endpoint, OTEL_TRACES_SAMPLER: 'traceidratio', OTEL_TRACES_SAMPLER_ARG: arg })).toThrow(
        /OTEL_TRACES_SAMPLER_ARG must be a number from 0 to 1/,
      );
    expect(() => tracingSettingsFrom({ ...endpoint, OTEL_TRACES_EXPORTER: 'zipkin' })).toThrow(/OTEL_TRACES_EXPORTER must be otlp or none/);
    expect(() => tracingSettingsFrom({ ...endpoint, SWITCHYARD_TRACE_CONTENT: 'yes' })).toThrow(
      /SWITCHYARD_TRACE_CONTENT must be true or false/,
    );
  });

  it('records content only when the operator opts in', () => {
    expect(tracingSettingsFrom({ ...endpoint, SWITCHYARD_TRACE_CONTENT: 'true' })?.recordContent).toBe(true);
    expect(tracingSettingsFrom({ ...endpoint, SWITCHYARD_TRACE_CONTENT: 'false' })?.recordContent).toBe(false);
  });
});
