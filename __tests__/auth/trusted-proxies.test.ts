/** TRUSTED_PROXIES (lib/auth/trusted-proxies.ts): which proxies' X-Forwarded-For entries are believed. */
import { normalizeAddress, parseTrustedProxies, trustedProxiesFromEnv, TrustedProxiesError } from '@/lib/auth/trusted-proxies';

describe('an address as it is counted and stored', () => {
  it.each<[string, string | null]>([
    ['203.0.113.7', '203.0.113.7'],
    [' 203.0.113.7 ', '203.0.113.7'],
    ['::ffff:203.0.113.7', '203.0.113.7'],
    ['::FFFF:203.0.113.7', '203.0.113.7'],
    ['::ffff:cb00:7107', '203.0.113.7'],
    ['2001:DB8:0:0:0:0:0:1', '2001:db8::1'],
    ['2001:0db8::0001', '2001:db8::1'],
    ['[2001:db8::1]', '2001:db8::1'],
    ['fe80::1%eth0', 'fe80::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['::1', '::1'],
    ['::', '::'],
    ['1:0:0:0:0:0:0:0', '1::'],
    ['unknown', null],
    ['203.0.113.7:8080', null],
    ['203.0.113.07', null],
    ['999.0.113.7', null],
    ['', null],
    ['_hidden', null],
  ])('%j is %j', (raw, expected) => {
    expect(normalizeAddress(raw)).toBe(expected);
  });
});

describe('TRUSTED_PROXIES', () => {
  it.each([undefined, '', '   '])('%j trusts nobody', (raw) => {
    expect(parseTrustedProxies(raw)).toBeNull();
  });

  it.each<[string, string, boolean]>([
    ['loopback', '127.0.0.1', true],
    ['loopback', '127.8.9.10', true],
    ['loopback', '::1', true],
    ['loopback', '::ffff:127.0.0.1', true],
    ['loopback', '128.0.0.1', false],
    ['loopback', '10.0.0.1', false],
    ['LOOPBACK', '::1', true],
    ['10.0.0.0/8', '10.255.1.2', true],
    ['10.0.0.0/8', '11.0.0.1', false],
    ['10.1.2.3/8', '10.200.0.1', true],
    ['192.0.2.10', '192.0.2.10', true],
    ['192.0.2.10', '192.0.2.11', false],
    ['192.0.2.10/32', '192.0.2.10', true],
    ['fd00::/8', 'fd12:3456::1', true],
    ['fd00::/8', 'fe80::1', false],
    ['2001:db8::/32', '2001:db8:ffff::1', true],
    ['2001:db8::/32', '2001:db9::1', false],
    ['2001:db8::5', '2001:DB8:0::5', true],
    ['2001:db8::5', '2001:db8::6', false],
    [' 192.0.2.10 , fd00::/8 ', 'fd00::2', true],
    ['192.0.2.10,loopback', '127.0.0.1', true],
    ['10.0.0.0/8', 'not an address', false],
    // An IPv4 range does not cover IPv6 addresses, nor the other way round (mapped addresses aside).
    ['0.0.0.0/1', '::1', false],
  ])('%j trusts %j: %p', (raw, address, trusted) => {
    expect(parseTrustedProxies(raw)?.trusts(address)).toBe(trusted);
  });

  it.each<[string, RegExp]>([
    ['10.0.0.300', /"10\.0\.0\.300" \(entry 1 of 1\) is not an address or a CIDR range/],
    ['192.0.2.1,,10.0.0.1', /entry 2 of 3 is empty/],
    ['192.0.2.1,', /entry 2 of 2 is empty/],
    ['10.0.0.0/33', /"10\.0\.0\.0\/33" \(entry 1 of 1\) has a prefix length outside 0–32/],
    ['fd00::/129', /outside 0–128/],
    ['10.0.0.0/', /outside 0–32/],
    ['10.0.0.0/8/8', /not an address or a CIDR range/],
    ['10.0.0.0/-8', /outside 0–32/],
    ['10.0.0.0/ 8', /outside 0–32/],
    ['0.0.0.0/0', /trusts every address/],
    ['::/0', /trusts every address/],
    ['localhost', /"localhost" \(entry 1 of 1\) is not an address/],
    ['nginx.internal', /not an address/],
    ['203.0.113.7:8080', /not an address/],
    ['*', /not an address/],
    ['10.0.0.1 10.0.0.2', /not an address/],
  ])('refuses %j with a message that names it', (raw, message) => {
    let thrown: unknown;
    try {
      parseTrustedProxies(raw);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(TrustedProxiesError);
    expect((thrown as Error).message).toMatch(/^TRUSTED_PROXIES: /);
    expect((thrown as Error).message).toMatch(message);
  });

  it('is read from the environment, and read again when it changes', () => {
    expect(trustedProxiesFromEnv({})).toBeNull();
    expect(trustedProxiesFromEnv({ TRUSTED_PROXIES: '192.0.2.1' })?.trusts('192.0.2.1')).toBe(true);
    expect(trustedProxiesFromEnv({ TRUSTED_PROXIES: '192.0.2.2' })?.trusts('192.0.2.1')).toBe(false);
    expect(() => trustedProxiesFromEnv({ TRUSTED_PROXIES: 'nonsense' })).toThrow(TrustedProxiesError);
  });
});
