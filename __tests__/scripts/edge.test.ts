/**
 * `npm run edge` (scripts/edge.ts) without starting nginx: what it makes of its settings, the
 * configuration it renders, and the edge's own error pages. The suites in __tests__/browser start
 * nginx for real with the same functions.
 */
import { readFileSync } from 'node:fs';
import nl from '@/messages/nl.json';
import en from '@/messages/en.json';
import { edgeRefreshToken } from '@/lib/cache/edge-refresh';
import { EdgeInputError, optionsFromEnv, parseOrigins, renderConfig, renderErrorPages, TEMPLATE_PATH, templateValues } from '../../scripts/edge';

// A secret of the tests' own: without one, the default SQLite site's file beside its database would be read (or made).
const env = (vars: Record<string, string>): NodeJS.ProcessEnv => ({ NODE_ENV: 'test', REVALIDATE_SECRET: 'the-edge-tests-own-secret', ...vars });

describe('the settings of npm run edge', () => {
  it('default to port 8080 in front of the site on PORT', () => {
    const options = optionsFromEnv(env({ PORT: '3000' }));
    expect(options).toMatchObject({ listenHost: '127.0.0.1', port: 8080, origins: [{ host: '127.0.0.1', port: 3000 }], staleWindow: '24h' });
  });

  it('take several instances, comma-separated', () => {
    expect(parseOrigins('http://10.0.0.11:3000, http://10.0.0.12:3000')).toEqual([
      { host: '10.0.0.11', port: 3000 },
      { host: '10.0.0.12', port: 3000 },
    ]);
  });

  it.each([
    [{ EDGE_PORT: '80a' }, /EDGE_PORT/],
    [{ EDGE_PORT: '70000' }, /EDGE_PORT/],
    [{ ORIGIN_URL: 'https://example.org' }, /ORIGIN_URL/],
    [{ ORIGIN_URL: 'http://127.0.0.1:3000/path' }, /ORIGIN_URL/],
    [{ ORIGIN_URL: 'http://127.0.0.1:8080', EDGE_PORT: '8080' }, /itself/],
    [{ EDGE_STALE_WINDOW: 'forever' }, /EDGE_STALE_WINDOW/],
    [{ EDGE_DIR: '/tmp/a b' }, /EDGE_DIR/],
    [{ EDGE_DIR: `/tmp/${'a-runtime-directory-deep-enough-'.repeat(3)}` }, /EDGE_DIR/],
    [{ EDGE_REFRESH_PORT: '0' }, /EDGE_REFRESH_PORT/],
    [{ EDGE_REFRESH_ALLOW: '10.0.0.0/33' }, /EDGE_REFRESH_ALLOW/],
    [{ EDGE_REFRESH_ALLOW: 'edge-1.internal' }, /EDGE_REFRESH_ALLOW/],
    [{ EDGE_REFRESH_ALLOW: '10.0.0.1; allow all' }, /EDGE_REFRESH_ALLOW/],
    [{ REVALIDATE_SECRET: 'short' }, /REVALIDATE_SECRET/],
  ])('refuse %j, naming the variable', (vars, message) => {
    expect(() => optionsFromEnv(env(vars))).toThrow(EdgeInputError);
    expect(() => optionsFromEnv(env(vars))).toThrow(message);
  });
});

describe('the rendered configuration', () => {
  const options = { ...optionsFromEnv(env({ EDGE_DIR: '/tmp/edge-test', ORIGIN_URL: 'http://127.0.0.1:3001,http://127.0.0.1:3002' })), refreshPort: 8181 };
  const config = renderConfig(readFileSync(TEMPLATE_PATH, 'utf8'), templateValues(options, null));

  it('fills every placeholder, with one upstream server per instance behind the refresh hop', () => {
    expect(config).not.toMatch(/\{\{/);
    expect(config).toContain('listen 127.0.0.1:8181;');
    expect(config).toContain('listen 127.0.0.1:8080;');
  });

  it('lets an instance that fails rest for the rest of its second, with a stand-in answering for it meanwhile', () => {
    const upstream = /upstream sportnieuws_origin \{([^}]*)\}/.exec(config)?.[1] ?? '';
    const servers = upstream.match(/^\s*server .*;$/gm)?.map((line) => line.trim());
    expect(servers).toEqual([
      'server 127.0.0.1:3001 max_fails=2 fail_timeout=0s;',
      'server 127.0.0.1:3002 max_fails=2 fail_timeout=0s;',
      'server unix:/tmp/edge-test/standin.sock backup max_fails=0;',
    ]);
    // The failure counts are shared by the workers, and the stand-in listens in the same nginx.
    expect(upstream).toMatch(/^\s*zone sportnieuws_origin \d+k;$/m);
    expect(config).toContain('listen unix:/tmp/edge-test/standin.sock;');
  });

  // The refresh hop's stamp decides what the edge keeps until the end of the second. An error kept
  // over a stale copy would make the edge forget that copy, so errors are stamped only when the
  // edge has no copy at all (MISS).
  const stampRules = (/map "\$http_x_edge_class:\$http_x_edge_cache:\$status" \$edge_refresh_stamp \{([^}]*)\}/.exec(config)?.[1] ?? '')
    .split('\n')
    .map((line) => /^\s*"~([^"]+)" "@\$edge_this_second";$/.exec(line)?.[1])
    .filter((pattern): pattern is string => pattern !== undefined)
    .map((pattern) => new RegExp(pattern));
  it.each([
    ['page::200', true],
    ['page:MISS:200', true],
    ['page:EXPIRED:304', true],
    ['page:MISS:404', true],
    ['page:MISS:500', true],
    ['page:MISS:502', true],
    ['page:MISS:503', true],
    ['page:MISS:504', true],
    ['page:BYPASS:502', false],
    ['page:EXPIRED:502', false],
    ['page:EXPIRED:503', false],
    ['page::502', false],
    ['page:MISS:501', false],
    ['private::502', false],
    ['asset:MISS:200', false],
    ['image:MISS:502', false],
  ])('stamps %s for the rest of its second: %s', (key, stamped) => {
    expect(stampRules.length).toBeGreaterThan(0);
    expect(stampRules.some((rule) => rule.test(key))).toBe(stamped);
  });

  it('takes refreshes with the token derived from the secret, from loopback, the instances and EDGE_REFRESH_ALLOW only', () => {
    const secret = 'a-revalidation-secret-of-some-length';
    const withRefresh = optionsFromEnv(env({ EDGE_DIR: '/tmp/edge-test', ORIGIN_URL: 'http://10.0.0.11:3000,http://site-b:3000', REVALIDATE_SECRET: secret, EDGE_REFRESH_ALLOW: '192.168.5.0/24, fd00::7' }));
    const rendered = renderConfig(readFileSync(TEMPLATE_PATH, 'utf8'), templateValues(withRefresh, null));
    const geo = /geo \$edge_refresh_peer \{([^}]*)\}/.exec(rendered)?.[1] ?? '';
    expect(geo.match(/^\s+\S+ 1;$/gm)?.map((line) => line.trim())).toEqual(['127.0.0.0/8 1;', '::1 1;', '10.0.0.11 1;', '192.168.5.0/24 1;', 'fd00::7 1;']);
    expect(rendered).toContain(`"${edgeRefreshToken(secret)}" 1;`);
    expect(rendered).not.toContain(secret);
  });

  it('refuses every refresh when the site has no revalidation secret', () => {
    const noSecret = optionsFromEnv(env({ EDGE_DIR: '/tmp/edge-test', DATABASE_URL: 'postgres://site@db/site', REVALIDATE_SECRET: '' }));
    expect(noSecret.refreshToken).toBeNull();
    const rendered = renderConfig(readFileSync(TEMPLATE_PATH, 'utf8'), templateValues(noSecret, null));
    expect(/map \$http_x_edge_refresh \$edge_refresh_token \{([^}]*)\}/.exec(rendered)?.[1]).not.toMatch(/" 1;/);
  });
});

describe('the edge’s own error pages', () => {
  const pages = renderErrorPages();

  it('are a 404, a 401 and a 503 in both editions', () => {
    expect([...pages.keys()].sort()).toEqual(['401.en.html', '401.nl.html', '404.en.html', '404.nl.html', '503.en.html', '503.nl.html']);
  });

  it.each([
    ['404.nl.html', 'nl', nl.NotFound.title, '/zoeken'],
    ['404.en.html', 'en', en.NotFound.title, '/en/search'],
    ['401.nl.html', 'nl', nl.PreviewUnauthorized.title, null],
    ['401.en.html', 'en', en.PreviewUnauthorized.title, null],
    ['503.nl.html', 'nl', nl.EdgeErrorPages.unavailableHeading, null],
    ['503.en.html', 'en', en.EdgeErrorPages.unavailableHeading, null],
  ])('%s speaks its edition with the site’s own words', (file, lang, heading, search) => {
    const html = pages.get(file) ?? '';
    expect(html).toContain(`<html lang="${lang}">`);
    expect(html).toContain('<meta name="robots" content="noindex">');
    expect(html).toContain(`<h1>${heading.replace(/'/g, '&#39;')}</h1>`);
    expect(html).toContain(`href="${lang === 'en' ? '/en' : '/'}"`);
    if (search) expect(html).toContain(`<form action="${search}" method="get" role="search">`);
    else expect(html).not.toContain('<form');
  });

  it('load nothing: they show exactly when nothing else can be fetched', () => {
    for (const html of pages.values()) expect(html).not.toMatch(/<(script|img|link rel="stylesheet")\b|url\(/);
  });
});
