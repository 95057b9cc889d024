/**
 * `npm test`: the unit and contract suites (Jest), then the real-browser suite (Playwright in
 * Chromium against a production build). Prints one closing line with the combined counts.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromiumPath } from './chromium';
import { findNginx } from './edge';

const root = path.resolve(__dirname, '..');
const out = mkdtempSync(path.join(tmpdir(), 'sportnieuws-test-'));
const args = process.argv.slice(2);
const only = args.includes('--unit') ? 'unit' : args.includes('--browser') ? 'browser' : 'all';

interface Counts {
  passed: number;
  failed: number;
  skipped: number;
}

function run(command: string, commandArgs: string[], env: Record<string, string>): number {
  const result = spawnSync(command, commandArgs, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status ?? 1;
}

function jestCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    numPassedTests: number;
    numFailedTests: number;
    numPendingTests: number;
    numTodoTests: number;
    numRuntimeErrorTestSuites: number;
  };
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + report.numRuntimeErrorTestSuites,
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

function playwrightCounts(file: string): Counts {
  if (!existsSync(file)) return { passed: 0, failed: 1, skipped: 0 };
  const report = JSON.parse(readFileSync(file, 'utf8')) as {
    stats: { expected: number; unexpected: number; flaky: number; skipped: number };
    errors?: unknown[];
  };
  return {
    passed: report.stats.expected + report.stats.flaky,
    failed: report.stats.unexpected + (report.errors?.length ?? 0),
    skipped: report.stats.skipped,
  };
}

/**
 * What the suites need from the machine, checked before anything runs, each with the Debian
 * command that installs it: a missing tool then stops the run with one clear message instead of
 * failing tests one by one.
 */
function missingPrerequisites(): string[] {
  const onPath = (command: string) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
  const missing: string[] = [];
  if (only !== 'browser' && !onPath('xmllint')) missing.push('xmllint (the sitemap schema checks): apt-get install libxml2-utils');
  if (only !== 'unit') {
    if (!existsSync(chromiumPath())) missing.push(`Chromium at ${chromiumPath()} (the browser suite; or set CHROMIUM_PATH): apt-get install chromium`);
    if (!findNginx()) missing.push('nginx (the edge cache the browser suite starts in front of the site; or set NGINX_BIN): apt-get install nginx');
    if (!onPath('java')) missing.push('java (the W3C Nu HTML Checker of the HTML validity suite runs on it): apt-get install default-jre-headless');
  }
  return missing;
}

const missing = missingPrerequisites();
if (missing.length > 0) {
  console.error(`npm test needs, on this machine:\n${missing.map((line) => `  - ${line}`).join('\n')}`);
  process.exit(1);
}

const totals: Counts = { passed: 0, failed: 0, skipped: 0 };
const add = (counts: Counts) => {
  totals.passed += counts.passed;
  totals.failed += counts.failed;
  totals.skipped += counts.skipped;
};
let exitCode = 0;

if (only !== 'browser') {
  const jestReport = path.join(out, 'jest.json');
  const status = run(process.execPath, [require.resolve('jest/bin/jest'), '--json', `--outputFile=${jestReport}`], {
    TZ: 'America/New_York',
  });
  add(jestCounts(jestReport));
  if (status !== 0) exitCode = status;
}

if (only !== 'unit') {
  const playwrightReport = path.join(out, 'playwright.json');
  const status = run(process.execPath, [require.resolve('@playwright/test/cli'), 'test'], {
    PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport,
  });
  add(playwrightCounts(playwrightReport));
  if (status !== 0) exitCode = status;
}

console.log(`\n${totals.passed} passed, ${totals.failed} failed, ${totals.skipped} skipped`);
process.exit(exitCode !== 0 || totals.failed > 0 ? exitCode || 1 : 0);
