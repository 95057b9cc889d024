import { checkSameOrigin } from '@/lib/auth/origin';

const SITE = 'https://sportnieuws.example';

const headers = (values: Record<string, string>) => new Headers(values);

describe('the same-origin check for state-changing requests', () => {
  it.each<[string, Record<string, string>, boolean]>([
    ['Origin equal to SITE_URL', { origin: SITE, host: 'internal:3000' }, true],
    ['Origin equal to the Host the request was sent to', { origin: 'http://127.0.0.1:3100', host: '127.0.0.1:3100' }, true],
    ['Host compared case-insensitively', { origin: 'http://localhost:3000', host: 'LOCALHOST:3000' }, true],
    ['no Origin, but a Referer from the site', { referer: `${SITE}/redactie/inloggen?next=%2Fredactie`, host: 'internal:3000' }, true],
    ['Sec-Fetch-Site same-origin with a matching Origin', { origin: SITE, 'sec-fetch-site': 'same-origin' }, true],
    ['another site as Origin', { origin: 'https://evil.example', host: 'sportnieuws.example' }, false],
    ['a sibling subdomain as Origin', { origin: 'https://blog.sportnieuws.example', host: 'sportnieuws.example' }, false],
    ['the site on another port', { origin: 'https://sportnieuws.example:8443', host: 'sportnieuws.example' }, false],
    ['the site over plain http when SITE_URL is https and Host differs', { origin: 'http://sportnieuws.example', host: 'internal:3000' }, false],
    ['Origin: null', { origin: 'null', host: 'sportnieuws.example' }, false],
    ['a non-http Origin', { origin: 'file://', host: 'sportnieuws.example' }, false],
    ['a cross-site Referer without Origin', { referer: 'https://evil.example/page', host: 'sportnieuws.example' }, false],
    ['neither Origin nor Referer', { host: 'sportnieuws.example' }, false],
    ['Sec-Fetch-Site cross-site, whatever Origin says', { origin: SITE, 'sec-fetch-site': 'cross-site' }, false],
    ['Sec-Fetch-Site same-site', { origin: SITE, 'sec-fetch-site': 'same-site' }, false],
    ['a Host header that is not a host', { origin: 'http://a b', host: 'a b' }, false],
  ])('%s → %s', (_label, values, expected) => {
    expect(checkSameOrigin(headers(values), SITE).ok).toBe(expected);
  });

  it('says why it refused', () => {
    const verdict = checkSameOrigin(headers({ origin: 'https://evil.example' }), SITE);
    expect(verdict).toEqual({ ok: false, reason: 'https://evil.example is not this site\'s origin' });
  });
});
