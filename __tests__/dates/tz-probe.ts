/**
 * Prints every date table's output as JSON, together with the zone this process runs in.
 * format.test.ts starts it with different TZ values; the output must not change.
 */
import { runAllCases } from './cases';

const processZone = {
  name: Intl.DateTimeFormat().resolvedOptions().timeZone,
  offsetMinutesAtEpoch: new Date(0).getTimezoneOffset(),
};
process.stdout.write(JSON.stringify({ processZone, results: runAllCases() }));
