/**
 * Real-browser tests in Debian's Chromium (Playwright cannot download its own browsers here).
 * The web server is a production build served by `next start`, on its own SQLite database seeded
 * with the demo content and the test fixtures (see __tests__/browser/server.ts).
 */
import { defineConfig, devices } from '@playwright/test';
import { CHROMIUM_LAUNCH_ARGS, chromiumPath } from './scripts/chromium';

const port = Number(process.env.E2E_PORT ?? 3100);

export default defineConfig({
  testDir: '__tests__/browser',
  testMatch: '**/*.spec.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 30_000,
  reporter: [['list'], ['json']],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    launchOptions: { executablePath: chromiumPath(), args: CHROMIUM_LAUNCH_ARGS },
  },
  projects: [
    { name: 'desktop', use: { ...devices['Desktop Chrome'], viewport: { width: 1280, height: 900 } } },
    // The shared-cache and edge suites drive servers of their own, and the cache headers are the same on
    // every device: one viewport is enough for them.
    { name: 'phone', use: { ...devices['Pixel 7'], browserName: 'chromium' }, testIgnore: ['**/shared-cache.spec.ts', '**/edge.spec.ts', '**/edge-freshness.spec.ts', '**/cache-headers.spec.ts', '**/database-down.spec.ts', '**/bad-requests.spec.ts', '**/fuzz.spec.ts', '**/validity.spec.ts', '**/a11y.spec.ts'] },
  ],
  webServer: {
    command: `npx tsx __tests__/browser/server.ts`,
    url: `http://127.0.0.1:${port}/`,
    timeout: 600_000,
    reuseExistingServer: false,
    stdout: 'pipe',
    stderr: 'pipe',
    env: { E2E_PORT: String(port) },
  },
});
