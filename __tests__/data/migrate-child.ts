/**
 * Run as a separate process by migrations.test.ts: opens DATABASE_URL without migrating, migrates,
 * and prints the names of the migrations it applied as JSON. Several of these at once prove that
 * concurrent processes (site workers, the import CLI) can share a new database safely.
 */
import { databaseConfigFromEnv } from '@/lib/db/config';
import { openDatabase } from '@/lib/db/connection';
import { migrateToLatest } from '@/lib/db/migrations';

async function main() {
  const database = await openDatabase(databaseConfigFromEnv(), { migrate: false });
  try {
    process.stdout.write(JSON.stringify(await migrateToLatest(database)));
  } finally {
    await database.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
