import { deskPath, safeNextPath, signInPath, signInUrl } from '@/lib/auth/desk-paths';
import { sessionCookie } from '@/lib/auth/cookie';

describe('desk paths', () => {
  it('are localized from pathnames.json, Dutch without a prefix', () => {
    expect([deskPath('nl'), signInPath('nl'), deskPath('en'), signInPath('en')]).toEqual([
      '/redactie',
      '/redactie/inloggen',
      '/en/desk',
      '/en/desk/sign-in',
    ]);
    expect(signInUrl('nl', '/redactie')).toBe('/redactie/inloggen?next=%2Fredactie');
  });

  it.each<[string, unknown, string]>([
    ['the desk itself', '/redactie', '/redactie'],
    ['a page inside the desk, with its query', '/redactie/artikelen?status=draft', '/redactie/artikelen?status=draft'],
    ['the English desk', '/en/desk/articles', '/en/desk/articles'],
    ['a public page', '/nieuws/iets', '/redactie'],
    ['a look-alike prefix', '/redactie-nep', '/redactie'],
    ['a path escaping the desk with dot segments', '/redactie/../nieuws/x', '/redactie'],
    ['another origin', 'https://evil.example/redactie', '/redactie'],
    ['a protocol-relative URL', '//evil.example/redactie', '/redactie'],
    ['a backslash browsers read as a slash', '/\\evil.example/redactie', '/redactie'],
    ['a javascript: URL', 'javascript:alert(1)', '/redactie'],
    ['a control character', '/redactie\n/x', '/redactie'],
    ['the sign-in page (a loop)', '/redactie/inloggen', '/redactie'],
    ['nothing', undefined, '/redactie'],
    ['several values', ['/redactie', '/x'], '/redactie'],
    ['a very long path', `/redactie/${'a'.repeat(600)}`, '/redactie'],
  ])('next = %s → %s', (_label, raw, expected) => {
    expect(safeNextPath(raw, 'nl')).toBe(expected);
  });

  it('falls back to the desk of the page’s own locale', () => {
    expect(safeNextPath('https://evil.example', 'en')).toBe('/en/desk');
  });
});

describe('the session cookie', () => {
  it('is HttpOnly, SameSite=Lax and Path=/, lasting at most the absolute session lifetime', () => {
    expect(sessionCookie('http://127.0.0.1:3100')).toEqual({
      name: 'desk_session',
      options: { httpOnly: true, sameSite: 'lax', secure: false, path: '/', maxAge: 12 * 60 * 60 },
    });
  });

  it('is Secure with the __Host- prefix when the site runs on https', () => {
    const cookie = sessionCookie('https://sportnieuws.example');
    expect(cookie.name).toBe('__Host-desk_session');
    expect(cookie.options.secure).toBe(true);
  });
});
