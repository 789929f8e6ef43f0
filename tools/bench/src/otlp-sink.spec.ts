import { gzipSync } from 'zlib';
import { spansInExport, startOtlpSink } from './otlp-sink';

const exportOf = (...spanCounts: number[]) => ({
  resourceSpans: spanCounts.map((n) => ({ scopeSpans: [{ spans: Array.from({ length: n }, (_, i) => ({ name: `s${i}` })) }, {}] })),
});

describe('the OTLP sink', () => {
  it('counts the spans of an OTLP/JSON export, and refuses what is not one', () => {
    expect(spansInExport(exportOf(2, 3))).toBe(5);
    expect(spansInExport({ resourceSpans: [] })).toBe(0);
    expect(() => spansInExport({ something: 'else' })).toThrow(/not an OTLP/);
  });

  it('receives exports over HTTP, counting spans and unreadable bodies apart', async () => {
    const sink = await startOtlpSink();
    try {
      const post = (body: string) =>
        fetch(`${sink.url}/v1/traces`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });
      expect((await post(JSON.stringify(exportOf(4)))).status).toBe(200);
      expect((await post('\x0a\x02protobuf')).status).toBe(200);
      const gzipped = await fetch(`${sink.url}/v1/traces`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'content-encoding': 'gzip' },
        body: gzipSync(JSON.stringify(exportOf(1, 2))),
      });
      expect(gzipped.status).toBe(200);
      expect((await fetch(`${sink.url}/v1/metrics`, { method: 'POST', body: '{}' })).status).toBe(404);
      expect(sink.received()).toEqual({ spans: 7, requests: 3, unreadable: 1 });
    } finally {
      await sink.stop();
    }
  });
});
