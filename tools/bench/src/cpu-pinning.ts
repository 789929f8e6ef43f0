import { execFileSync } from 'child_process';
import { cpus } from 'os';

/** Sets the CPUs every thread of `pid` may run on (taskset); false when it could not. */
function setAffinity(pid: number, list: string): boolean {
  try {
    execFileSync('taskset', ['-a', '-pc', list, String(pid)], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const allCpus = () => `0-${cpus().length - 1}`;

/** Whether a process can be pinned here (taskset present, more than one CPU). */
export function pinningWorks(pid: number | undefined): boolean {
  return pid !== undefined && cpus().length > 1 && setAffinity(pid, allCpus());
}

/** Runs `work` with process `pid` pinned to one CPU, then lets it run anywhere again. Runs it unpinned where pinning does not work. */
export async function whilePinned<T>(pid: number | undefined, cpu: number, work: () => Promise<T>): Promise<T> {
  const pinned = pid !== undefined && cpus().length > cpu && setAffinity(pid, String(cpu));
  try {
    return await work();
  } finally {
    if (pinned) setAffinity(pid, allCpus());
  }
}
