// CPU time of the processes a bench runs against, read from /proc (Linux): what each one spends per
// unit of work, so a tuning shows up as CPU saved even where latency is noisy on a shared machine.
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** A named set of processes: fixed pids (a service), or every process whose command is `comm` (the servers' workers). */
export type ProcessGroup = { readonly name: string; readonly pids: () => readonly number[] };

/** /proc counts CPU time in clock ticks (USER_HZ, 100 on Linux unless the kernel says otherwise). */
const TICKS_PER_SECOND = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

/** utime + stime of one process in ms; 0 once it is gone. */
function cpuMs(pid: number): number {
  try {
    // The command in parentheses may hold spaces: the fields that follow start after the last ')'.
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1_000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** Context switches of all threads of one process: `voluntary` when it slept (waited for I/O), `involuntary` when it was preempted. */
export interface ContextSwitches {
  readonly voluntary: number;
  readonly involuntary: number;
}

function contextSwitches(pid: number): ContextSwitches {
  let voluntary = 0;
  let involuntary = 0;
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const status = readFileSync(`/proc/${pid}/task/${task}/status`, 'utf8');
      voluntary += Number(/^voluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      involuntary += Number(/^nonvoluntary_ctxt_switches:\s+(\d+)/m.exec(status)?.[1] ?? 0);
    }
  } catch {
    // It ended while we looked.
  }
  return { voluntary, involuntary };
}

/** The processes whose command (comm) is `comm`, e.g. every PostgreSQL backend. */
export function processesNamed(comm: string): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, 'utf8').trim() === comm) pids.push(Number(entry));
    } catch {
      // It ended while we looked.
    }
  }
  return pids;
}

export const canMeasureProcessCpu = (() => {
  try {
    readFileSync('/proc/self/stat');
    return true;
  } catch {
    return false;
  }
})();

/**
 * CPU ms and context switches per group since `start()`. A process that ends in between loses its
 * share (PostgreSQL backends of a pool live on). Wake-ups are the other cost than instructions
 * here: every message between processes wakes its receiver, and each wake-up refills caches that
 * the other processes evicted.
 */
export class ProcessCpuMeter {
  private started = new Map<number, { cpuMs: number; switches: ContextSwitches }>();

  constructor(private readonly groups: readonly ProcessGroup[]) {}

  start(): void {
    this.started = new Map(this.groups.flatMap((g) => g.pids()).map((pid) => [pid, { cpuMs: cpuMs(pid), switches: contextSwitches(pid) }]));
  }

  /** CPU ms per group since start(); a process that started since counts from zero. */
  read(): Map<string, number> {
    return new Map(
      this.groups.map((g) => [g.name, g.pids().reduce((sum, pid) => sum + cpuMs(pid) - (this.started.get(pid)?.cpuMs ?? 0), 0)]),
    );
  }

  /** Context switches per group since start(), all threads. */
  readSwitches(): Map<string, ContextSwitches> {
    return new Map(
      this.groups.map((g) => [
        g.name,
        g.pids().reduce(
          (sum, pid) => {
            const now = contextSwitches(pid);
            const then = this.started.get(pid)?.switches ?? { voluntary: 0, involuntary: 0 };
            return { voluntary: sum.voluntary + now.voluntary - then.voluntary, involuntary: sum.involuntary + now.involuntary - then.involuntary };
          },
          { voluntary: 0, involuntary: 0 },
        ),
      ]),
    );
  }
}
