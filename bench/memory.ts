/**
 * Peak resident memory of the server: polls /proc/<pid>/status (VmRSS, VmHWM) of the `next start`
 * process and all its descendants while the load runs. The peak is the largest sum of VmRSS seen
 * in one poll; VmHWM (the kernel's own high-water mark per process) is summed at the end as a
 * cross-check that catches spikes between polls.
 */
import { readFileSync } from 'node:fs';
import { processTree } from './server';

export interface MemoryPeak {
  /** Largest sum of VmRSS over the process tree seen in one poll, in MB (10^6 bytes). */
  peakRssMb: number;
  /** Sum of every process's VmHWM at the end, in MB: an upper bound on the true peak. */
  hwmMb: number;
  samples: number;
}

function statusKb(pid: number, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const match = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) : 0;
  } catch {
    return 0;
  }
}

export class MemorySampler {
  private timer: NodeJS.Timeout | undefined;
  private peakKb = 0;
  private phasePeakKb = 0;
  private samples = 0;
  private readonly hwmKb = new Map<number, number>();

  constructor(private readonly pid: number) {}

  start(intervalMs = 250): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), intervalMs);
    this.timer.unref();
  }

  private sample(): void {
    let total = 0;
    for (const pid of processTree(this.pid)) {
      total += statusKb(pid, 'VmRSS');
      this.hwmKb.set(pid, Math.max(this.hwmKb.get(pid) ?? 0, statusKb(pid, 'VmHWM')));
    }
    this.peakKb = Math.max(this.peakKb, total);
    this.phasePeakKb = Math.max(this.phasePeakKb, total);
    this.samples++;
  }

  /** The peak RSS (MB) since the previous call: which phase of the load drove memory up. */
  phasePeak(): number {
    this.sample();
    const peak = this.phasePeakKb;
    this.phasePeakKb = 0;
    return (peak * 1024) / 1e6;
  }

  stop(): MemoryPeak {
    if (this.timer) clearInterval(this.timer);
    this.sample();
    const hwm = [...this.hwmKb.values()].reduce((sum, kb) => sum + kb, 0);
    return { peakRssMb: (this.peakKb * 1024) / 1e6, hwmMb: (hwm * 1024) / 1e6, samples: this.samples };
  }
}
