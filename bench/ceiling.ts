/**
 * Measures the ceiling in the same run as the app: the identical article HTML served by a plain
 * Node server in its own process, under the same load settings. Every throughput in the report is
 * also shown as a fraction of this.
 *
 * It is loaded {@link CEILING_RUNS} times and the best run counts: on this machine single runs of
 * the same server fell into two groups, about 4,600 and about 12,000 req/s, run to run, with no
 * steal. A ceiling is what the machine can do at best; taking the best run makes every ratio
 * against it the strictest one, instead of one that passes or fails on which group a run hit.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadUrl, type LoadResult, type LoadSettings } from './load';
import { freePort, startProcess, waitForHttp } from './server';
import { startCpuAccount } from './cpu';

export const CEILING_RUNS = 3;

export async function measureCeiling(root: string, outDir: string, html: Buffer, settings: LoadSettings): Promise<LoadResult & { foreignCpu: number; runs: number[] }> {
  const file = path.join(outDir, 'ceiling-article.html');
  writeFileSync(file, html);
  const port = await freePort();
  const proc = startProcess(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'ceiling-server.ts'), file, String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 20_000, proc.child);
    const results: (LoadResult & { foreignCpu: number })[] = [];
    for (let run = 0; run < CEILING_RUNS; run++) {
      const cpu = startCpuAccount(() => (proc.child.pid === undefined ? [] : [proc.child.pid]));
      const result = await loadUrl(`http://127.0.0.1:${port}/`, settings);
      results.push({ ...result, foreignCpu: cpu().foreign });
    }
    const best = results.reduce((a, b) => (b.rps > a.rps ? b : a));
    return { ...best, runs: results.map((result) => result.rps) };
  } finally {
    await proc.stop();
  }
}
