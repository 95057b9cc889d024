/**
 * `npm start`: the one command that takes a fresh clone to a running site.
 *
 * 1. Migrates the database (the embedded SQLite file unless DATABASE_URL says otherwise).
 * 2. Seeds the demo content when the database holds no articles (embedded database only, unless
 *    SEED_DEMO=true; SEED_DEMO=false never seeds).
 * 3. Builds the app when there is no build or the sources changed since the last one. The build
 *    comes after seeding because it prerenders the fronts from the database.
 * 4. Serves it with `next start` on PORT (default 3000), with SERVER_HEAP_MB's heap limit if set.
 *
 * Settings that would only fail later (SERVER_HEAP_MB, SERVER_HEAP_GROWTH_PERCENT, REDIS_URL,
 * TRUSTED_PROXIES) are checked before anything runs.
 */
import { spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { databaseConfigFromEnv } from '@/lib/db/config';
import { openDatabase } from '@/lib/db/connection';
import { countAllArticles } from '@/lib/data/articles';
import { sharedCacheConfig } from '@/lib/cache/shared-config';
import { heapGrowthPercent } from '@/lib/site/heap';
import { trustedProxiesFromEnv } from '@/lib/auth/trusted-proxies';
import { withServerHeapLimit } from './server-heap';

const root = path.resolve(__dirname, '..');
const stampFile = path.join(root, '.next', 'source-stamp');
const sourceRoots = ['app', 'components', 'lib', 'messages', 'public', 'next.config.js', 'proxy.ts', 'instrumentation.ts', 'package-lock.json', 'tsconfig.json'];

function* walk(entry: string): Generator<string> {
  const full = path.join(root, entry);
  if (!existsSync(full)) return;
  if (statSync(full).isFile()) {
    yield entry;
    return;
  }
  for (const child of readdirSync(full).sort()) yield* walk(path.join(entry, child));
}

/** Settings that prerendered pages bake in (canonical URLs, site name, times): a change means a new build. */
const buildSettings = ['SITE_URL', 'SITE_NAME', 'SITE_TIME_ZONE', 'NEXT_PUBLIC_ALLOW_PROVIDER_POSTERS', 'HSTS_PRELOAD'];

/**
 * A hash of every source file's path and content and of the build settings: a new checkout, an
 * edit or a changed SITE_URL means a new build.
 */
function sourceStamp(): string {
  const hash = createHash('sha256');
  for (const name of buildSettings) hash.update(`${name}=${process.env[name] ?? ''}\n`);
  for (const entry of sourceRoots) {
    for (const file of walk(entry)) {
      hash.update(file);
      hash.update(readFileSync(path.join(root, file)));
    }
  }
  return hash.digest('hex');
}

function run(command: string, args: string[]) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: process.env });
  if (result.status !== 0) {
    console.error(`\n${command} ${args.join(' ')} failed (exit ${result.status ?? result.signal}).`);
    process.exit(result.status ?? 1);
  }
}

async function main() {
  process.env.NEXT_TELEMETRY_DISABLED = '1';
  // Checked first, so a malformed setting is reported before a migration or a build.
  const serverEnv = withServerHeapLimit(process.env);
  const sharedCache = sharedCacheConfig(process.env);
  heapGrowthPercent(process.env);
  trustedProxiesFromEnv(process.env);
  const config = databaseConfigFromEnv();
  const database = await openDatabase(config);
  const articleCount = await countAllArticles(database);
  await database.close();
  console.log(`Database: ${config.engine === 'sqlite' ? config.filename : 'PostgreSQL'} (migrated, ${articleCount} articles)`);
  console.log(`Page cache: ${sharedCache ? `shared in Redis (keys ${sharedCache.prefix}:*)` : 'on this machine'}`);

  const seedSetting = process.env.SEED_DEMO?.toLowerCase();
  const shouldSeed = articleCount === 0 && (seedSetting === 'true' || (seedSetting !== 'false' && config.engine === 'sqlite'));
  if (shouldSeed) {
    console.log('Seeding the demo content…');
    run(process.execPath, [require.resolve('tsx/cli'), 'scripts/content.ts', 'seed', '--if-empty']);
  }

  const stamp = sourceStamp();
  const built = existsSync(path.join(root, '.next', 'BUILD_ID'));
  const current = built && existsSync(stampFile) && readFileSync(stampFile, 'utf8') === stamp;
  if (!current || process.argv.includes('--rebuild')) {
    console.log(built ? 'Sources changed since the last build; rebuilding…' : 'No build yet; building…');
    run(process.execPath, [require.resolve('next/dist/bin/next'), 'build']);
    writeFileSync(stampFile, stamp);
  }

  const port = process.env.PORT ?? '3000';
  const server = spawn(process.execPath, [require.resolve('next/dist/bin/next'), 'start', '-p', port], {
    cwd: root,
    stdio: 'inherit',
    env: serverEnv,
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => server.kill(signal));
  server.on('exit', (code) => process.exit(code ?? 0));
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
