import { readdirSync, readFileSync } from 'fs';
import { MeteredProcess, pidsMatching } from './process-meter';

/** The services' entry points, by the name a report row gives them. */
const ENTRY_POINTS: [RegExp, string][] = [
  [/dist\/apps\/(gateway|router|billing|files|batches)\/src\/main\.js/, '$1'],
  [/dist\/tools\/single-process\/src\/main\.js/, 'single-process'],
  [/(^|\/)nats-server(\s|$)/, 'nats-server'],
];

/**
 * The report row of a process the launcher started, from its command line (NUL-separated as in
 * /proc/<pid>/cmdline, or spaces): a service, the one-process mode's process or nats-server. Null
 * for anything else (the launcher's own demo mock upstream, which the benchmark does not call).
 */
export function processRowName(cmdline: string): string | null {
  const line = cmdline.replace(/\0/g, ' ');
  for (const [pattern, name] of ENTRY_POINTS) {
    const match = pattern.exec(line);
    if (match) return name.replace('$1', match[1]);
  }
  return null;
}

/**
 * Whether a Postgres process belongs to the row of database `database`: its backends for that
 * database and the server's own processes (checkpointer, WAL writer…), not other databases'
 * backends (the machine's Postgres also serves other test runs).
 */
export function postgresProcessOf(cmdline: string, database: string): boolean {
  const line = cmdline.replace(/\0/g, ' ').trim();
  if (!/(^|\/)postgres\b/.test(line)) return false;
  // `postgres: [<cluster>: ]<user> <database> <host>(<port>) <state>` (Debian's clusters add the prefix)
  const backend = /^postgres: (?:\S+: )?(\S+) (\S+) (\S+\(\d+\)|\[local\])/.exec(line);
  return backend === null || backend[2] === database;
}

function readCmdline(pid: number): string | null {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8');
  } catch {
    return null;
  }
}

/** The children of `pid`, from every thread's /proc/<pid>/task/<tid>/children. */
function childrenOf(pid: number): number[] {
  try {
    return readdirSync(`/proc/${pid}/task`).flatMap((tid) => {
      try {
        return readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8').trim().split(/\s+/).filter(Boolean).map(Number);
      } catch {
        return [];
      }
    });
  } catch {
    return [];
  }
}

/** Every process below `pid`, children first. */
export function descendantsOf(pid: number): number[] {
  const found: number[] = [];
  const queue = [pid];
  while (queue.length > 0) {
    for (const child of childrenOf(queue.shift()!)) {
      found.push(child);
      queue.push(child);
    }
  }
  return found;
}

/** The launcher's descendants grouped by report row (replicas of one service share a row). */
export function rowsBelow(launcherPid: number): Map<string, number[]> {
  const rows = new Map<string, number[]>();
  for (const pid of descendantsOf(launcherPid)) {
    const cmdline = readCmdline(pid);
    const name = cmdline === null ? null : processRowName(cmdline);
    if (name) rows.set(name, [...(rows.get(name) ?? []), pid]);
  }
  return rows;
}

/**
 * The metered rows of a running stack: whatever the launcher runs (found again on every reading,
 * so a restarted process is followed), the launcher itself (it hosts the embedded S3 server) and
 * the stack database's Postgres processes.
 */
export function stackRows(launcherPid: number, databaseName: string): MeteredProcess[] {
  const names = [...rowsBelow(launcherPid).keys()].sort((a, b) => rowOrder(a) - rowOrder(b));
  return [
    ...names.map((name) => ({ name, pids: () => rowsBelow(launcherPid).get(name) ?? [] })),
    { name: 's3 (launcher)', pids: () => [launcherPid] },
    { name: 'postgres', pids: () => pidsMatching('postgres').filter((pid) => postgresProcessOf(readCmdline(pid) ?? '', databaseName)) },
  ];
}

const ORDER = ['single-process', 'gateway', 'router', 'billing', 'files', 'batches', 'nats-server'];
const rowOrder = (name: string) => (ORDER.includes(name) ? ORDER.indexOf(name) : ORDER.length);
