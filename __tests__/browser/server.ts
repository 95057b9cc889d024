/**
 * The server the browser suite runs against: a production build on its own SQLite database,
 * seeded with the demo content plus the browser fixtures (hostile content, the reference article),
 * and one desk account (accounts.ts), created with the content CLI.
 * Started by Playwright's webServer; it stops with it.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TEST_ADMIN, TEST_EDITOR } from './accounts';
import { E2E_PREVIEW_SECRET } from './preview-secret';
import { e2eDatabasePointer } from './share-links';

const root = path.resolve(__dirname, '..', '..');
const port = process.env.E2E_PORT ?? '3100';
const dataDir = mkdtempSync(path.join(tmpdir(), 'sportnieuws-e2e-'));
const env: NodeJS.ProcessEnv = {
  ...process.env,
  DATABASE_URL: `file:${path.join(dataDir, 'site.db')}`,
  SITE_URL: `http://127.0.0.1:${port}`,
  NEXT_DIST_DIR: process.env.E2E_DIST_DIR ?? '.next-e2e',
  NEXT_TELEMETRY_DISABLED: '1',
  PORT: port,
  PREVIEW_SECRET: E2E_PREVIEW_SECRET,
};

function step(label: string, command: string, args: string[], input?: string) {
  console.log(`[e2e server] ${label}`);
  const result = spawnSync(command, args, { cwd: root, env, stdio: [input === undefined ? 'inherit' : 'pipe', 'inherit', 'inherit'], input });
  if (result.status !== 0) {
    console.error(`[e2e server] ${label} failed`);
    process.exit(1);
  }
}

const tsx = require.resolve('tsx/cli');
step('seeding demo content', process.execPath, [tsx, 'scripts/content.ts', 'seed']);
const fixtures = path.join(root, '__tests__', 'fixtures', 'browser');
if (existsSync(fixtures)) {
  for (const file of readdirSync(fixtures).filter((name) => name.endsWith('.json')).sort()) {
    step(`importing ${file}`, process.execPath, [tsx, 'scripts/content.ts', 'import', path.join(fixtures, file)]);
  }
}
for (const account of [TEST_EDITOR, TEST_ADMIN]) {
  step(
    `adding the desk account ${account.email}`,
    process.execPath,
    [tsx, 'scripts/content.ts', 'user', 'add', '--email', account.email, '--name', account.name, '--role', account.role, '--password-stdin'],
    `${account.password}\n`,
  );
}
if (process.env.E2E_SKIP_BUILD !== '1' || !existsSync(path.join(root, env.NEXT_DIST_DIR!, 'BUILD_ID'))) {
  step('building', process.execPath, [require.resolve('next/dist/bin/next'), 'build']);
}
// Where the suites find this database, to record share links the way the desk does (share-links.ts).
writeFileSync(e2eDatabasePointer(port), env.DATABASE_URL!);
console.log(`[e2e server] serving on ${port}`);
// No `-H`: served as `npm start` serves it (on every interface), since Next routes some requests
// differently when it is given a hostname.
const server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', port], {
  cwd: root,
  env,
  stdio: 'inherit',
});
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
