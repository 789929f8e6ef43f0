import { ChildProcess, spawn } from 'child_process';
import { createWriteStream, mkdirSync, readFileSync, WriteStream } from 'fs';
import { join } from 'path';
import { pathRegistration } from './paths';

export interface ManagedProcess {
  name: string;
  readonly pid: number | undefined;
  /** resolves with the first stdout line matching `pattern` */
  waitForLine(pattern: RegExp, timeoutMs: number): Promise<string>;
  kill(signal?: NodeJS.Signals): void;
  stop(timeoutMs?: number): Promise<void>;
  /** the last lines of its log, for error messages */
  tail(lines?: number): string;
}

export interface SpawnOptions {
  name: string;
  script: string;
  args?: string[];
  env: NodeJS.ProcessEnv;
  logDir: string;
  /**
   * Start it again whenever it exits without `stop()` having been asked (what a supervisor in
   * production does): after a crash, with a back-off that grows to 5 s (at most 20 crashes in a
   * row); after a clean exit (code 0: it was sent SIGTERM and drained), after 100 ms, which is how
   * one replica is restarted (docs/operations.md).
   */
  restart?: boolean;
  onExit?: (code: number | null, signal: NodeJS.Signals | null) => void;
  /** called each time it is started again after an exit, with the new process's id */
  onRestart?: (pid: number | undefined) => void;
}

const CLEAN_EXIT_RESTART_MS = 100;

/** Runs a compiled Node entry point as a child process with the @switchyard/* aliases resolved. */
export function spawnNode(options: SpawnOptions): ManagedProcess {
  mkdirSync(options.logDir, { recursive: true });
  const logPath = join(options.logDir, `${options.name}.log`);
  const log: WriteStream = createWriteStream(logPath, { flags: 'a' });
  let child: ChildProcess;
  let stopping = false;
  let crashes = 0;
  const lineWaiters: { pattern: RegExp; resolve: (line: string) => void; reject: (error: Error) => void }[] = [];
  let buffered = '';

  const start = () => {
    child = spawn(process.execPath, ['-r', pathRegistration(), options.script, ...(options.args ?? [])], {
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout!.on('data', (data: Buffer) => {
      log.write(data);
      buffered += data.toString('utf8');
      let nl: number;
      while ((nl = buffered.indexOf('\n')) >= 0) {
        const line = buffered.slice(0, nl);
        buffered = buffered.slice(nl + 1);
        for (const waiter of [...lineWaiters]) {
          if (waiter.pattern.test(line)) {
            lineWaiters.splice(lineWaiters.indexOf(waiter), 1);
            waiter.resolve(line);
          }
        }
      }
    });
    child.stderr!.on('data', (data: Buffer) => log.write(data));
    child.on('exit', (code, signal) => {
      options.onExit?.(code, signal);
      // whoever waits for a line from this run will not get it
      for (const waiter of lineWaiters.splice(0))
        waiter.reject(new Error(`${options.name} exited (${signal ?? code}) before it was ready`));
      if (stopping || !options.restart) return;
      const clean = code === 0;
      if (clean) crashes = 0;
      else if (++crashes > 20) return;
      setTimeout(
        () => {
          if (stopping) return;
          start();
          options.onRestart?.(child.pid);
        },
        // a clean exit is restarted after a moment only: when Ctrl+C reached the whole process group, the
        // launcher's own stop (which marks every child stopping) runs first
        clean ? CLEAN_EXIT_RESTART_MS : Math.min(5000, 200 * 2 ** crashes),
      ).unref();
    });
  };
  start();

  return {
    name: options.name,
    get pid() {
      return child.pid;
    },
    waitForLine(pattern, timeoutMs) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`${options.name} did not print ${pattern} within ${timeoutMs} ms:\n${this.tail()}`)),
          timeoutMs,
        );
        lineWaiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
          reject: (error) => {
            clearTimeout(timer);
            reject(new Error(`${error.message}:\n${this.tail()}`));
          },
        });
      });
    },
    kill(signal = 'SIGKILL') {
      child.kill(signal);
    },
    async stop(timeoutMs = 5000) {
      stopping = true;
      if (child.exitCode !== null || child.signalCode !== null) {
        log.end();
        return;
      }
      await new Promise<void>((resolve) => {
        const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
        child.once('exit', () => {
          clearTimeout(timer);
          resolve();
        });
        child.kill('SIGTERM');
      });
      log.end();
    },
    tail(lines = 30) {
      try {
        return readFileSync(logPath, 'utf8').trimEnd().split('\n').slice(-lines).join('\n');
      } catch {
        return '(no log)';
      }
    },
  };
}
