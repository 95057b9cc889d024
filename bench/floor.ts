/**
 * The framework's floor for an uncached render: the bare Next app from bench/bytes.ts serves a
 * one-paragraph page that is rendered on first visit and then cached, exactly like our articles
 * (`revalidate`, no prebuilt params). Loaded the same way as the app, with the app's server stopped,
 * it shows what Next itself costs per ISR render on this machine (the render of the RSC payload and
 * the HTML, the per-segment prefetch data, the cache files), with none of our code, content or data.
 * Its uncached/cached ratio is the best the app's ratio could be with Next's render pipeline.
 */
import { startCpuAccount } from './cpu';
import { loadEachOnce, loadUrl, timeOne, type LoadResult, type LoadSettings } from './load';
import { MemorySampler } from './memory';
import { freePort, startNext } from './server';
import { withServerHeapLimit } from '../scripts/server-heap';

export interface FrameworkFloor {
  cached: LoadResult;
  uncached: LoadResult & { exhausted: boolean };
  /** Uncached requests/s as a share of cached requests/s. */
  ratio: number;
  /** Peak RSS of the bare server over both runs, in MB. */
  peakRssMb: number;
  /** Share of the CPU other processes used meanwhile (see bench/cpu.ts). */
  foreignCpu: number;
}

export async function measureFrameworkFloor(root: string, bareDir: string, settings: LoadSettings): Promise<FrameworkFloor> {
  const port = await freePort();
  // The same heap limit as the app's server, so their memory compares.
  const env = withServerHeapLimit({ ...process.env, NODE_ENV: 'production' as const, NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '' });
  const server = await startNext(root, port, env, bareDir);
  const sampler = new MemorySampler(server.pid);
  sampler.start();
  try {
    const origin = server.origin;
    // The first request renders and caches the page; every later one is served from the cache.
    await timeOne(`${origin}/cached-page`);
    const cpu = startCpuAccount(() => [server.pid]);
    const cached = await loadUrl(`${origin}/cached-page`, settings);
    const fresh = Array.from({ length: 50_000 }, (_, index) => `/fresh-${index}`);
    const uncached = await loadEachOnce(origin, fresh, { ...settings, warmup: 0, expectedRps: 400 });
    const { foreign } = cpu();
    return { cached, uncached, ratio: cached.rps > 0 ? uncached.rps / cached.rps : 0, peakRssMb: sampler.stop().peakRssMb, foreignCpu: foreign };
  } finally {
    sampler.stop();
    await server.stop();
  }
}
