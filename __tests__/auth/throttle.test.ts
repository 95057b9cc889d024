import type { Database } from '@/lib/db/connection';
import { addressKey, checkThrottle, KNOWN_ADDRESS_MS, recordFailure, recordSuccess, THROTTLE_RULES, throttleKeys } from '@/lib/auth/throttle';
import { describeEachEngine } from '../data/engines';

const T0 = new Date('2026-11-23T08:00:00Z');
const MINUTE = 60_000;
const WINDOW = 15 * MINUTE;
const at = (ms: number) => new Date(T0.getTime() + ms);
const OWNER = '198.51.100.1';
const ATTACKER = '203.0.113.7';
/** The nth address of a spray from many machines. */
const sprayer = (n: number) => `192.0.2.${n + 1}`;

describe('the address that is counted', () => {
  it.each<[string | null, string | null]>([
    ['203.0.113.7', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    // One subscriber's IPv6 network: a client may use any of its 2^64 addresses.
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['2001:DB8:1:2::ffff', '2001:db8:1:2::/64'],
    ['2001:db8::1', '2001:db8::/64'],
    ['::1', '::/64'],
    ['not an address', null],
    [null, null],
  ])('for %j is %j', (address, key) => {
    expect(addressKey(address)).toBe(key);
  });

  it('keys an email and an address so that no two pairs collide', () => {
    expect(throttleKeys({ email: 'Rita@Example.test', address: '203.0.113.7' })).toEqual({
      account: 'account:rita@example.test',
      pair: 'pair:rita@example.test|203.0.113.7',
      address: 'address:203.0.113.7',
      known: 'known:rita@example.test|203.0.113.7',
    });
    expect(throttleKeys({ email: 'rita@example.test', address: null })).toEqual({ account: 'account:rita@example.test', pair: null, address: null, known: null });
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
  const allowed = async (email: string, address: string | null, now = T0) => (await checkThrottle(database, { email, address }, now)).allowed;

  it('has the documented limits: 5 per account and address, 30 per address, 20 per account from unfamiliar addresses, in 15 minutes', () => {
    expect(THROTTLE_RULES).toEqual({
      pair: { limit: 5, windowMs: WINDOW },
      address: { limit: 30, windowMs: WINDOW },
      account: { limit: 20, windowMs: WINDOW },
    });
    expect(KNOWN_ADDRESS_MS).toBe(30 * 24 * 60 * MINUTE);
  });

  it.each([
    ['4 failures', 4, true],
    ['5 failures', 5, false],
    ['6 failures', 6, false],
  ])('per account and address: after %s, that address may try again: %p', async (_label, failures, expected) => {
    await fail('rita@example.test', ATTACKER, failures);
    const verdict = await checkThrottle(database, { email: 'Rita@Example.test', address: ATTACKER }, at(MINUTE));
    expect(verdict.allowed).toBe(expected);
    if (!verdict.allowed) expect(verdict).toEqual({ allowed: false, scope: 'pair', retryAfterMs: WINDOW - MINUTE });
  });

  it('does not lock the account for everyone when one address fails: its owner elsewhere may still try', async () => {
    await fail('rita@example.test', ATTACKER, 10);
    expect(await allowed('rita@example.test', ATTACKER)).toBe(false);
    expect(await allowed('rita@example.test', OWNER)).toBe(true);
  });

  it('counts an IPv6 network, not each of its addresses', async () => {
    for (let i = 1; i <= 5; i += 1) await fail('rita@example.test', `2001:db8:1:2::${i}`, 1);
    expect(await allowed('rita@example.test', '2001:db8:1:2:ffff:ffff:ffff:ffff')).toBe(false);
    expect(await allowed('rita@example.test', '2001:db8:1:3::1')).toBe(true);
  });

  it.each([
    ['19 failures', 19, true],
    ['20 failures', 20, false],
  ])('per account, from many addresses: after %s, a new address may try: %p', async (_label, failures, expected) => {
    // At most 4 per address, so no pair limit is reached: only the account-wide limit can stop this.
    for (let i = 0; i < failures; i += 1) await fail('rita@example.test', sprayer(Math.floor(i / 4)), 1);
    const verdict = await checkThrottle(database, { email: 'rita@example.test', address: '198.51.100.200' }, at(MINUTE));
    expect(verdict.allowed).toBe(expected);
    if (!verdict.allowed) expect(verdict).toEqual({ allowed: false, scope: 'account', retryAfterMs: WINDOW - MINUTE });
  });

  it('bounds a spray from many addresses at the account limit, but lets the owner in from an address they signed in from', async () => {
    await recordSuccess(database, { email: 'rita@example.test', address: OWNER }, at(-7 * 24 * 60 * MINUTE));
    for (let i = 0; i < 40; i += 1) await fail('rita@example.test', sprayer(i), 1);
    expect(await allowed('rita@example.test', sprayer(99))).toBe(false);
    expect(await allowed('rita@example.test', OWNER)).toBe(true);
    // The owner's own typos still count on the owner's pair.
    await fail('rita@example.test', OWNER, 5);
    expect(await allowed('rita@example.test', OWNER)).toBe(false);
  });

  it.each([
    ['1 ms before 30 days', KNOWN_ADDRESS_MS - 1, true],
    ['at 30 days', KNOWN_ADDRESS_MS, false],
  ])('remembers a sign-in address for 30 days: %s after, it is exempt from the account limit: %p', async (_label, later, exempt) => {
    await recordSuccess(database, { email: 'rita@example.test', address: OWNER }, T0);
    await fail('rita@example.test', null, 20, at(later));
    expect(await allowed('rita@example.test', OWNER, at(later))).toBe(exempt);
  });

  it('keeps known addresses when it drops ended windows', async () => {
    await recordSuccess(database, { email: 'rita@example.test', address: OWNER }, T0);
    await fail('someone@example.test', ATTACKER, 1, T0);
    await fail('someone@example.test', ATTACKER, 1, at(WINDOW + MINUTE));
    const keys = (await database.db.selectFrom('sign_in_attempts').select('key').orderBy('key').execute()).map((row) => row.key);
    expect(keys).toEqual([
      'account:someone@example.test',
      'address:203.0.113.7',
      'known:rita@example.test|198.51.100.1',
      'pair:someone@example.test|203.0.113.7',
    ]);
    await fail('someone@example.test', ATTACKER, 1, at(KNOWN_ADDRESS_MS));
    expect(await database.db.selectFrom('sign_in_attempts').select('key').where('key', 'like', 'known:%').execute()).toEqual([]);
  });

  it('counts an unknown address on the account only', async () => {
    await fail('rita@example.test', null, 19);
    expect(await allowed('rita@example.test', null)).toBe(true);
    await fail('rita@example.test', null, 1);
    expect(await allowed('rita@example.test', null)).toBe(false);
    const keys = (await database.db.selectFrom('sign_in_attempts').select('key').execute()).map((row) => row.key);
    expect(keys).toEqual(['account:rita@example.test']);
  });

  it.each([
    ['29 failures from one address', 29, true],
    ['30 failures from one address', 30, false],
  ])('per address: after %s (over many accounts), sign-in is allowed: %p', async (_label, failures, expected) => {
    for (let i = 0; i < failures; i += 1) await fail(`user${i}@example.test`, ATTACKER, 1);
    const verdict = await checkThrottle(database, { email: 'someone-new@example.test', address: ATTACKER }, T0);
    expect(verdict.allowed).toBe(expected);
    if (!verdict.allowed) expect(verdict).toMatchObject({ scope: 'address', retryAfterMs: WINDOW });
    // Another address is not affected.
    expect(await allowed('someone-new@example.test', OWNER)).toBe(true);
  });

  it.each([
    ['1 ms before the window ends', WINDOW - 1, false],
    ['when the window ends', WINDOW, true],
  ])('a locked pair is still locked %s: allowed %p', async (_label, later, expected) => {
    await fail('rita@example.test', ATTACKER, 5);
    expect(await allowed('rita@example.test', ATTACKER, at(later))).toBe(expected);
  });

  it('starts a new window at the first failure after the old one ended', async () => {
    await fail('rita@example.test', ATTACKER, 4);
    await fail('rita@example.test', ATTACKER, 1, at(WINDOW));
    expect(await allowed('rita@example.test', ATTACKER, at(WINDOW))).toBe(true);
    const row = await database.db.selectFrom('sign_in_attempts').selectAll().where('key', '=', 'pair:rita@example.test|203.0.113.7').executeTakeFirst();
    expect(row).toEqual({ key: 'pair:rita@example.test|203.0.113.7', window_start: at(WINDOW).getTime(), failures: 1 });
  });

  it('clears the pair counter on a successful sign-in, but not the account or address counters', async () => {
    await fail('rita@example.test', OWNER, 4);
    await recordSuccess(database, { email: 'RITA@example.test', address: OWNER }, T0);
    await fail('rita@example.test', OWNER, 4);
    expect(await allowed('rita@example.test', OWNER)).toBe(true);
    const counters = await database.db.selectFrom('sign_in_attempts').select(['key', 'failures']).where('key', 'not like', 'known:%').orderBy('key').execute();
    expect(counters).toEqual([
      { key: 'account:rita@example.test', failures: 8 },
      { key: 'address:198.51.100.1', failures: 8 },
      { key: 'pair:rita@example.test|198.51.100.1', failures: 4 },
    ]);
  });

  it('reports the longer wait when several limits apply', async () => {
    for (let i = 0; i < 30; i += 1) await fail(`user${i}@example.test`, ATTACKER, 1);
    await fail('rita@example.test', ATTACKER, 5, at(5 * MINUTE));
    const verdict = await checkThrottle(database, { email: 'rita@example.test', address: ATTACKER }, at(6 * MINUTE));
    expect(verdict).toEqual({ allowed: false, scope: 'pair', retryAfterMs: 14 * MINUTE });
  });
});
