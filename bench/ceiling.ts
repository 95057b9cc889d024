/**
 * Measures the ceiling in the same run as the app: the identical article HTML served by a plain
 * Node server in its own process, under the same load settings. Every throughput in the report is
 * also shown as a fraction of this.
 *
 * The best run counts, and the runs are spread over the whole bench: {@link CEILING_RUNS} after the
 * first target and one more after each later one (bench/run.ts). On this machine the same server's
 * runs fall into groups far apart with no steal: about 4,600 or 12,000 req/s on one day, and on
 * another three runs in a row at 2,550 while the next target's ran at 6,900. A ceiling is what the
 * machine can do at best; the best of runs taken at different times makes every ratio against it
 * the strictest one, instead of one that passes or fails on the state the machine was in.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadUrl, type LoadResult, type LoadSettings } from './load';
import { freePort, startProcess, waitForHttp } from './server';
import { startCpuAccount } from './cpu';

export const CEILING_RUNS = 3;

export type Ceiling = LoadResult & { foreignCpu: number; runs: number[] };

export async function measureCeiling(root: string, outDir: string, html: Buffer, settings: LoadSettings, count = CEILING_RUNS): Promise<Ceiling> {
  const file = path.join(outDir, 'ceiling-article.html');
  writeFileSync(file, html);
  const port = await freePort();
  const proc = startProcess(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'ceiling-server.ts'), file, String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 20_000, proc.child);
    const results: Ceiling[] = [];
    for (let run = 0; run < count; run++) {
      const cpu = startCpuAccount(() => (proc.child.pid === undefined ? [] : [proc.child.pid]));
      const result = await loadUrl(`http://127.0.0.1:${port}/`, settings);
      results.push({ ...result, foreignCpu: cpu().foreign, runs: [result.rps] });
    }
    return results.reduce(bestCeiling);
  } finally {
    await proc.stop();
  }
}

/** The better of two ceilings, with the runs of both. */
export function bestCeiling(a: Ceiling, b: Ceiling): Ceiling {
  const best = b.rps > a.rps ? b : a;
  return { ...best, runs: [...a.runs, ...b.runs] };
}
