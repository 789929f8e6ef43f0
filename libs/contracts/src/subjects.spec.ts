import { Events, HealthSubjects, ServiceNames, Subjects } from './subjects';
import type { RpcSubject } from './rpc-map';
import type { EventMap } from './event-map';

const segment = '[a-z][a-z0-9-]*';
const grammarOf = (names: readonly string[]) => new RegExp(`^(${names.join('|')})\\.${segment}\\.${segment}(\\.v[2-9][0-9]*)?$`);
const requestGrammar = grammarOf(ServiceNames);
/** events are also sent by the request/reply layer itself, which every service runs (`rpc.…`) */
const eventGrammar = grammarOf([...ServiceNames, 'rpc']);

describe('NATS subjects', () => {
  it('request subjects follow <handling-service>.<entity>.<verb>', () => {
    for (const subject of Object.values(Subjects)) expect(subject).toMatch(requestGrammar);
  });

  it('event subjects follow <emitting-service>.<entity>.<past-tense> (or rpc.<entity>.<past-tense>)', () => {
    for (const subject of Object.values(Events)) {
      expect(subject).toMatch(eventGrammar);
      expect(subject.split('.')[2]).toMatch(/ed$/);
    }
  });

  it('every subject is unique across requests and events', () => {
    const all = [...Object.values(Subjects), ...Object.values(Events)];
    expect(new Set(all).size).toBe(all.length);
  });

  it('every service has a health subject handled by itself', () => {
    for (const [service, subject] of Object.entries(HealthSubjects)) expect(subject.startsWith(`${service}.`)).toBe(true);
    expect(Object.keys(HealthSubjects).sort()).toEqual(ServiceNames.filter((s) => s !== 'gateway').sort());
  });

  it('the rpc map covers request subjects only', () => {
    const typed: RpcSubject[] = Object.values(Subjects);
    expect(typed.length).toBe(Object.keys(Subjects).length);
  });

  it('the event map covers every event', () => {
    const typed: (keyof EventMap)[] = Object.values(Events);
    expect(typed.length).toBe(Object.keys(Events).length);
  });
});
