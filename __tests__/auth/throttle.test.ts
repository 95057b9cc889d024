import type { Database } from '@/lib/db/connection';
import { checkThrottle, clientAddress, recordFailure, recordSuccess, THROTTLE_RULES } from '@/lib/auth/throttle';
import { describeEachEngine } from '../data/engines';

const T0 = new Date('2026-11-23T08:00:00Z');
const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
const at = (ms: number) => new Date(T0.getTime() + ms);

describe('the client address', () => {
  it.each<[string, Record<string, string>, string | null]>([
    ['the socket address Next puts in X-Forwarded-For', { 'x-forwarded-for': '203.0.113.7' }, '203.0.113.7'],
    ['the entry the nearest proxy appended, not what the client claimed', { 'x-forwarded-for': '10.9.9.9, 198.51.100.2' }, '198.51.100.2'],
    ['X-Real-IP without X-Forwarded-For', { 'x-real-ip': '198.51.100.3' }, '198.51.100.3'],
    ['nothing', {}, null],
  ])('is %s', (_label, values, expected) => {
    expect(clientAddress(new Headers(values))).toBe(expected);
  });
});

describeEachEngine('sign-in throttling', (harness) => {
  let database: Database;
  beforeAll(async () => {
    database = await harness.fresh();
  });
  beforeEach(async () => {
    await database.db.deleteFrom('sign_in_attempts').execute();
  });

  const fail = async (email: string, address: string | null, times: number, now = T0) => {
    for (let i = 0; i < times; i += 1) await recordFailure(database, { email, address }, now);
  };

  it('has the documented limits: 5 per account and 30 per address in 15 minutes', () => {
    expect(THROTTLE_RULES).toEqual({ account: { limit: 5, windowMs: WINDOW }, address: { limit: 30, windowMs: WINDOW } });
  });

  it.each([
    ['4 failures on an account', 4, true],
    ['5 failures on an account', 5, false],
    ['6 failures on an account', 6, false],
  ])('per account: after %s, sign-in is allowed: %p', async (_label, failures, allowed) => {
    await fail('rita@example.test', '203.0.113.7', failures);
    const verdict = await checkThrottle(database, { email: 'Rita@Example.test', address: '198.51.100.1' }, at(MINUTE));
    expect(verdict.allowed).toBe(allowed);
    if (!verdict.allowed) expect(verdict).toEqual({ allowed: false, scope: 'account', retryAfterMs: WINDOW - MINUTE });
  });

  it.each([
    ['29 failures from one address', 29, true],
    ['30 failures from one address', 30, false],
  ])('per address: after %s (over many accounts), sign-in is allowed: %p', async (_label, failures, allowed) => {
    for (let i = 0; i < failures; i += 1) await fail(`user${i}@example.test`, '203.0.113.7', 1);
    const verdict = await checkThrottle(database, { email: 'someone-new@example.test', address: '203.0.113.7' }, T0);
    expect(verdict.allowed).toBe(allowed);
    if (!verdict.allowed) expect(verdict).toMatchObject({ scope: 'address', retryAfterMs: WINDOW });
    // Another address is not affected.
    expect((await checkThrottle(database, { email: 'someone-new@example.test', address: '198.51.100.1' }, T0)).allowed).toBe(true);
  });

  it.each([
    ['1 ms before the window ends', WINDOW - 1, false],
    ['when the window ends', WINDOW, true],
  ])('a locked account is still locked %s: allowed %p', async (_label, later, allowed) => {
    await fail('rita@example.test', null, 5);
    expect((await checkThrottle(database, { email: 'rita@example.test', address: null }, at(later))).allowed).toBe(allowed);
  });

  it('starts a new window at the first failure after the old one ended', async () => {
    await fail('rita@example.test', null, 4);
    await fail('rita@example.test', null, 1, at(WINDOW));
    expect((await checkThrottle(database, { email: 'rita@example.test', address: null }, at(WINDOW))).allowed).toBe(true);
    const row = await database.db.selectFrom('sign_in_attempts').selectAll().where('key', '=', 'account:rita@example.test').executeTakeFirst();
    expect(row).toEqual({ key: 'account:rita@example.test', window_start: at(WINDOW).getTime(), failures: 1 });
  });

  it('clears the account counter on a successful sign-in, but not the address counter', async () => {
    await fail('rita@example.test', '203.0.113.7', 4);
    await recordSuccess(database, 'RITA@example.test');
    await fail('rita@example.test', '203.0.113.7', 4);
    expect((await checkThrottle(database, { email: 'rita@example.test', address: '203.0.113.7' }, T0)).allowed).toBe(true);
    const address = await database.db.selectFrom('sign_in_attempts').select('failures').where('key', '=', 'address:203.0.113.7').executeTakeFirst();
    expect(address?.failures).toBe(8);
  });

  it('reports the longer wait when both limits apply', async () => {
    for (let i = 0; i < 30; i += 1) await fail(`user${i}@example.test`, '203.0.113.7', 1);
    await fail('rita@example.test', '198.51.100.9', 5, at(5 * MINUTE));
    const verdict = await checkThrottle(database, { email: 'rita@example.test', address: '203.0.113.7' }, at(6 * MINUTE));
    expect(verdict).toEqual({ allowed: false, scope: 'account', retryAfterMs: 14 * MINUTE });
  });
});
