/**
 * Lighthouse 12 (its default mobile preset: emulated mid-range phone, simulated slow 4G, 4× CPU
 * slowdown) in headless Chromium, one page at a time, through its own CLI so that its Chromium
 * launcher and report format are exactly what `npx lighthouse` gives.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { CHROMIUM_FLAGS, chromiumPath } from '../scripts/chromium';

export interface LighthouseScores {
  performance: number;
  accessibility: number;
  bestPractices: number;
  seo: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  /** Audits that did not pass in the four categories (id: title), for the diagnosis. */
  failing: string[];
  /** Performance scores of every run, when this is the median of several. */
  performanceRuns?: number[];
}

const score = z.object({ score: z.number().nullable() });
const numeric = z.object({ numericValue: z.number().optional() });
const ReportSchema = z.object({
  categories: z.object({ performance: score, accessibility: score, 'best-practices': score, seo: score }),
  audits: z.record(z.string(), z.object({ score: z.number().nullable(), title: z.string(), scoreDisplayMode: z.string(), numericValue: z.number().optional() })),
});

export async function runLighthouse(root: string, url: string, outFile: string): Promise<LighthouseScores> {
  const cli = path.join(path.dirname(require.resolve('lighthouse/package.json', { paths: [root] })), 'cli', 'index.js');
  const args = [
    cli,
    url,
    '--output=json',
    `--output-path=${outFile}`,
    '--only-categories=performance,accessibility,best-practices,seo',
    `--chrome-flags=${CHROMIUM_FLAGS.join(' ')}`,
    '--quiet',
  ];
  await new Promise<void>((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: root, env: { ...process.env, CHROME_PATH: chromiumPath() }, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code === 0) resolve();
      else reject(new Error(`lighthouse ${url} exited ${code}: ${stderr.slice(-2000)}`));
    });
  });
  const report = ReportSchema.parse(JSON.parse(readFileSync(outFile, 'utf8')));
  const audit = (id: string) => numeric.parse(report.audits[id] ?? {}).numericValue ?? Number.NaN;
  const pct = (value: number | null) => Math.round((value ?? 0) * 100);
  const failing = Object.entries(report.audits)
    .filter(([, a]) => a.score !== null && a.score < 0.9 && (a.scoreDisplayMode === 'binary' || a.scoreDisplayMode === 'numeric' || a.scoreDisplayMode === 'metricSavings'))
    .map(([id, a]) => `${id}: ${a.title}${a.numericValue === undefined ? '' : ` (${Math.round(a.numericValue)})`}`);
  return {
    performance: pct(report.categories.performance.score),
    accessibility: pct(report.categories.accessibility.score),
    bestPractices: pct(report.categories['best-practices'].score),
    seo: pct(report.categories.seo.score),
    lcpMs: audit('largest-contentful-paint'),
    tbtMs: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    failing,
  };
}
