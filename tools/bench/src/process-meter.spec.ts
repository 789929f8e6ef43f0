import { cpuDelta, CpuSnapshot } from './process-meter';

describe('cpuDelta', () => {
  it('counts per pid: a process that ended drops out, one that started counts whole', () => {
    const before: CpuSnapshot = new Map([
      [
        'postgres',
        new Map([
          [10, 5],
          [11, 40],
        ]),
      ],
      ['router', new Map([[20, 2]])],
    ]);
    // backend 11 (40 s) exited, backend 12 started and used 0.5 s, backend 10 used 1 s more
    const after: CpuSnapshot = new Map([
      [
        'postgres',
        new Map([
          [10, 6],
          [12, 0.5],
        ]),
      ],
      ['router', new Map([[20, 3.25]])],
    ]);
    expect(cpuDelta(before, after)).toEqual({ postgres: 1.5, router: 1.25 });
  });
});
