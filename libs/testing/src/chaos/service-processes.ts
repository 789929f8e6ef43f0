import { readdirSync, readFileSync } from 'fs';

/** The script each service process runs, as the launcher starts it (see tools/launcher/src/stack.ts). */
export function serviceScript(service: string): string {
  return service === 'switchyard' ? 'tools/single-process/src/main.js' : `apps/${service}/src/main.js`;
}

function parentOf(pid: number): number | null {
  try {
    // the command name is in parentheses and may hold spaces: the fields after its closing one are fixed
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
  } catch {
    return null;
  }
}

function commandLine(pid: number): string {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
  } catch {
    return '';
  }
}

/**
 * The pid of the launcher's child that runs `service` now (`switchyard` for the one process of
 * single mode). stack.json names the first pids only: the launcher restarts a killed service under a new one.
 */
export function currentServicePid(launcherPid: number, service: string): number | null {
  const script = serviceScript(service);
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid) || parentOf(pid) !== launcherPid) continue;
    if (commandLine(pid).includes(script)) return pid;
  }
  return null;
}
