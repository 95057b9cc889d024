/**
 * Budgets, the Markdown table and bench/results.json. Every budget row shows the measured value
 * next to its budget and PASS or MISS; rows without a budget say "info". Numbers are rounded so
 * that results.json diffs stay readable, and its keys are written in one fixed order.
 */
import { writeFileSync } from 'node:fs';
import type { LoadResult } from './load';

export interface Row {
  figure: string;
  measured: string;
  budget: string;
  result: 'PASS' | 'MISS' | 'info';
}

export const fmt = {
  rps: (value: number) => `${Math.round(value).toLocaleString('en-US')} req/s`,
  ms: (value: number) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`,
  pct: (value: number) => `${(value * 100).toFixed(1)}%`,
  kb: (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`,
  x: (value: number) => `${value.toFixed(2)}×`,
};

export const verdict = (pass: boolean): 'PASS' | 'MISS' => (pass ? 'PASS' : 'MISS');

export function loadSummary(result: LoadResult, ceilingRps?: number): string {
  const ratio = ceilingRps ? ` (${fmt.pct(result.rps / ceilingRps)} of ceiling)` : '';
  return `${fmt.rps(result.rps)}${ratio}, p50 ${fmt.ms(result.p50Ms)}, p99 ${fmt.ms(result.p99Ms)}, ${result.errors} errors`;
}

export function markdownTable(rows: Row[]): string {
  const escape = (text: string) => text.replace(/\|/g, '\\|');
  const lines = ['| Figure | Measured | Budget | Result |', '| --- | --- | --- | --- |'];
  for (const row of rows) lines.push(`| ${escape(row.figure)} | ${escape(row.measured)} | ${escape(row.budget)} | ${row.result} |`);
  return lines.join('\n');
}

/** Rounds every number to at most `digits` decimals, recursively (keeps key order). */
export function rounded(value: unknown, digits = 2): unknown {
  if (typeof value === 'number') return Number.isFinite(value) ? Number(value.toFixed(digits)) : null;
  if (Array.isArray(value)) return value.map((item) => rounded(item, digits));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, rounded(item, digits)]));
  return value;
}

export function writeResults(file: string, results: unknown): void {
  writeFileSync(file, `${JSON.stringify(rounded(results), null, 2)}\n`);
}
