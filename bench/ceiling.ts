/**
 * Measures the ceiling in the same run as the app: the identical article HTML served by a plain
 * Node server in its own process, under the same load settings. Every throughput in the report is
 * also shown as a fraction of this.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { loadUrl, type LoadResult, type LoadSettings } from './load';
import { freePort, startProcess, waitForHttp } from './server';
import { startCpuAccount } from './cpu';

export async function measureCeiling(root: string, outDir: string, html: Buffer, settings: LoadSettings): Promise<LoadResult & { foreignCpu: number }> {
  const file = path.join(outDir, 'ceiling-article.html');
  writeFileSync(file, html);
  const port = await freePort();
  const proc = startProcess(process.execPath, ['--import', 'tsx', path.join(root, 'bench', 'ceiling-server.ts'), file, String(port)], {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'production' },
  });
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, 20_000, proc.child);
    const cpu = startCpuAccount(() => (proc.child.pid === undefined ? [] : [proc.child.pid]));
    const result = await loadUrl(`http://127.0.0.1:${port}/`, settings);
    return { ...result, foreignCpu: cpu().foreign };
  } finally {
    await proc.stop();
  }
}
