/**
 * How much of the machine's CPU went to anything but the benchmark during a measurement
 * ("foreign" CPU): the machine-wide busy time from /proc/stat, minus the CPU time of the server's
 * process tree and of this process. It includes the time the hypervisor gave to other guests
 * (steal), which on a shared virtual machine is often most of it. Other work lowers throughput;
 * this figure says when a number should not be trusted. Linux only; 0 elsewhere.
 */
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { processTree } from './server';

const TICKS_PER_SECOND = 100;

/** The machine-wide CPU counters: user nice system idle iowait irq softirq steal …, in ticks. */
function cpuFields(): number[] {
  try {
    return (readFileSync('/proc/stat', 'utf8').split('\n')[0] ?? '').trim().split(/\s+/).slice(1).map(Number);
  } catch {
    return [];
  }
}

/** Busy is everything but idle and iowait. */
function machineBusyTicks(): number {
  return cpuFields().reduce((sum, value, index) => (index === 3 || index === 4 ? sum : sum + (value || 0)), 0);
}

/** Starts an account of hypervisor steal; the returned function gives its share of all cores, 0…1. */
export function startStealAccount(): () => number {
  const startedAt = performance.now();
  const start = cpuFields()[7] ?? 0;
  return () => {
    const capacity = ((performance.now() - startedAt) / 1000) * TICKS_PER_SECOND * os.cpus().length;
    return capacity > 0 ? Math.max(0, ((cpuFields()[7] ?? 0) - start) / capacity) : 0;
  };
}

function processTicks(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime, stime, cutime, cstime (fields 14–17 of stat; 11–14 after the command name).
    return [11, 12, 13, 14].reduce((sum, index) => sum + Number(fields[index] ?? 0), 0);
  } catch {
    return 0;
  }
}

export interface CpuShare {
  /** Share of all cores busy with other processes, 0…1. */
  foreign: number;
}

/** Starts an account; call the returned function at the end of the measurement. */
export function startCpuAccount(pids: () => number[]): () => CpuShare {
  const ours = () => [process.pid, ...pids().flatMap((pid) => processTree(pid))];
  const startedAt = performance.now();
  const startBusy = machineBusyTicks();
  const startOurs = new Map(ours().map((pid) => [pid, processTicks(pid)]));
  return () => {
    const seconds = (performance.now() - startedAt) / 1000;
    const busy = machineBusyTicks() - startBusy;
    let own = 0;
    for (const pid of new Set([...startOurs.keys(), ...ours()])) own += processTicks(pid) - (startOurs.get(pid) ?? 0);
    const capacity = seconds * TICKS_PER_SECOND * os.cpus().length;
    return { foreign: capacity > 0 ? Math.min(1, Math.max(0, (busy - own) / capacity)) : 0 };
  };
}

/**
 * CPU seconds (user + system, reaped children included) that `pid` and its descendants have used
 * so far. The difference of two readings is what a process did in between: the edge phase uses
 * it to show that the origin sat idle while the edge was loaded.
 */
export function treeCpuSeconds(pid: number): number {
  return processTree(pid).reduce((sum, each) => sum + processTicks(each), 0) / TICKS_PER_SECOND;
}
