/**
 * Preview tokens (lib/preview/token.ts): signed for one article, expiring, refused when forged,
 * altered or expired, with the clock controlled through `now`.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  DEFAULT_PREVIEW_TTL_MS,
  InvalidTtlError,
  MAX_PREVIEW_TTL_MS,
  parseTtl,
  PreviewNotConfiguredError,
  previewSecret,
  signPreviewToken,
  verifyPreviewToken,
} from '@/lib/preview/token';

const SECRET = 'a'.repeat(64);
const OTHER_SECRET = 'b'.repeat(64);
const NOW = new Date('2026-03-01T12:00:00Z');
const IN_TWO_HOURS = new Date('2026-03-01T14:00:00Z');

describe('signPreviewToken and verifyPreviewToken', () => {
  const token = signPreviewToken('nl-concept', IN_TWO_HOURS, SECRET);

  it('accepts its own token before the expiry, naming the article and the expiry', () => {
    expect(verifyPreviewToken(token, SECRET, NOW)).toEqual({ ok: true, articleId: 'nl-concept', expiresAt: IN_TWO_HOURS });
    expect(verifyPreviewToken(token, SECRET, new Date(IN_TWO_HOURS.getTime() - 1000)).ok).toBe(true);
  });

  it('refuses it from the second it expires', () => {
    expect(verifyPreviewToken(token, SECRET, IN_TWO_HOURS)).toEqual({ ok: false, reason: 'expired' });
    expect(verifyPreviewToken(token, SECRET, new Date('2027-01-01T00:00:00Z'))).toEqual({ ok: false, reason: 'expired' });
  });

  it('is made of URL-safe characters only', () => {
    expect(token).toMatch(/^v1\.nl-concept\.\d+\.[A-Za-z0-9_-]{43}$/);
    expect(encodeURIComponent(token)).toBe(token);
  });

  it('refuses a token signed with another secret', () => {
    expect(verifyPreviewToken(signPreviewToken('nl-concept', IN_TWO_HOURS, OTHER_SECRET), SECRET, NOW)).toEqual({ ok: false, reason: 'signature' });
  });

  const [version, id, expiry, signature] = token.split('.') as [string, string, string, string];
  const flip = (text: string, at: number) => text.slice(0, at) + (text[at] === 'A' ? 'B' : 'A') + text.slice(at + 1);

  it.each([
    ['another article id', [version, 'nl-gepland', expiry, signature].join('.')],
    ['a later expiry', [version, id, String(Number(expiry) + 86_400), signature].join('.')],
    ['one changed signature character', [version, id, expiry, flip(signature, 10)].join('.')],
    ['a changed last signature character', [version, id, expiry, flip(signature, 42)].join('.')],
  ])('refuses a token with %s', (_name, altered) => {
    expect(verifyPreviewToken(altered, SECRET, NOW)).toEqual({ ok: false, reason: 'signature' });
  });

  it('refuses every other spelling of the last signature character, though it decodes to the same bytes', () => {
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(signature.slice(-1));
    // The 43rd character carries 4 bits of the 32-byte signature and 2 bits the decoder ignores.
    const spellings = [0, 1, 2, 3].map((low) => alphabet[(last & ~3) + low]!).filter((char) => char !== signature.slice(-1));
    expect(spellings).toHaveLength(3);
    for (const char of spellings) {
      const respelled = `${signature.slice(0, 42)}${char}`;
      expect(Buffer.from(respelled, 'base64url')).toEqual(Buffer.from(signature, 'base64url'));
      expect(verifyPreviewToken([version, id, expiry, respelled].join('.'), SECRET, NOW)).toEqual({ ok: false, reason: 'signature' });
    }
  });

  it.each([
    ['an empty string', ''],
    ['a random word', 'hallo'],
    ['another version', ['v2', id, expiry, signature].join('.')],
    ['a missing part', [version, id, signature].join('.')],
    ['an extra part', [token, 'x'].join('.')],
    ['a non-numeric expiry', [version, id, 'soon', signature].join('.')],
    ['an invalid id', [version, '../etc', expiry, signature].join('.')],
    ['a truncated signature', [version, id, expiry, signature.slice(0, 20)].join('.')],
    ['a signature with other characters', [version, id, expiry, `${signature.slice(0, 42)}=`].join('.')],
    ['a very long token', `${token}${'x'.repeat(500)}`],
  ])('refuses %s as malformed', (_name, malformed) => {
    expect(verifyPreviewToken(malformed, SECRET, NOW)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses to sign for something that is not an article id', () => {
    expect(() => signPreviewToken('Not An Id', IN_TWO_HOURS, SECRET)).toThrow(RangeError);
  });
});

describe('parseTtl', () => {
  it.each([
    ['30m', 30 * 60_000],
    ['2h', 2 * 3_600_000],
    ['1d', 86_400_000],
    ['7d', 7 * 86_400_000],
    ['168h', 7 * 86_400_000],
    [' 2H ', 2 * 3_600_000],
    ['1m', 60_000],
  ])('reads %j', (text, ms) => {
    expect(parseTtl(text)).toBe(ms);
  });

  it.each(['', '2', 'h', '2 hours', '1.5h', '-1h', '0m', '8d', '169h', '2w', '1d2h', '10s'])('refuses %j', (text) => {
    expect(() => parseTtl(text)).toThrow(InvalidTtlError);
  });

  it('defaults to a day and caps at a week', () => {
    expect(DEFAULT_PREVIEW_TTL_MS).toBe(86_400_000);
    expect(MAX_PREVIEW_TTL_MS).toBe(7 * 86_400_000);
  });
});

describe('previewSecret', () => {
  let directory: string;
  beforeEach(() => {
    directory = mkdtempSync(path.join(tmpdir(), 'sportnieuws-preview-'));
  });
  afterEach(() => rmSync(directory, { recursive: true, force: true }));

  it('uses PREVIEW_SECRET when set', () => {
    expect(previewSecret({ PREVIEW_SECRET: ` ${'s'.repeat(40)} `, DATABASE_URL: 'postgres://x@localhost/db' })).toBe('s'.repeat(40));
  });

  it('refuses a short PREVIEW_SECRET', () => {
    expect(() => previewSecret({ PREVIEW_SECRET: 'too-short' })).toThrow(/at least 32/);
  });

  it('refuses clearly on PostgreSQL without PREVIEW_SECRET', () => {
    expect(() => previewSecret({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(PreviewNotConfiguredError);
    expect(() => previewSecret({ DATABASE_URL: 'postgres://x@localhost/db' })).toThrow(/PREVIEW_SECRET/);
  });

  it('creates one random secret beside an SQLite database, private to its owner, and keeps it', () => {
    const env = { DATABASE_URL: `file:${path.join(directory, 'site.db')}` };
    const first = previewSecret(env);
    const file = path.join(directory, '.preview-secret');
    expect(existsSync(file)).toBe(true);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(first).toMatch(/^[0-9a-f]{64}$/);
    expect(readFileSync(file, 'utf8')).toBe(first);
    expect(previewSecret(env)).toBe(first);
  });
});
