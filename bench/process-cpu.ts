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

/** CPU ms per group since `start()`. A process that ends in between loses its share (PostgreSQL backends of a pool live on). */
export class ProcessCpuMeter {
  private started = new Map<number, number>();

  constructor(private readonly groups: readonly ProcessGroup[]) {}

  start(): void {
    this.started = new Map(this.groups.flatMap((g) => g.pids()).map((pid) => [pid, cpuMs(pid)]));
  }

  /** CPU ms per group since start(); a process that started since counts from zero. */
  read(): Map<string, number> {
    return new Map(
      this.groups.map((g) => [g.name, g.pids().reduce((sum, pid) => sum + cpuMs(pid) - (this.started.get(pid) ?? 0), 0)]),
    );
  }
}
