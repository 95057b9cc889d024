/**
 * Shareable preview tokens: an HMAC-SHA256 signature over one article id and an expiry instant.
 *
 * A token is `v1.<articleId>.<expiresAt in epoch seconds>.<signature, base64url>`. It needs no
 * storage to check: the page that receives one recomputes the signature and compares in constant
 * time, so a forged, altered or expired token is recognised without a database read. A token that
 * passes opens only while its record is active (lib/data/share-links.ts), so each link can be
 * revoked on its own; changing the secret (PREVIEW_SECRET, or deleting the secret file) still ends
 * every outstanding link at once.
 *
 * The secret is PREVIEW_SECRET when set (32+ characters). Otherwise, on the embedded SQLite
 * default, a random secret kept in a file beside the database, so the site and the content CLI agree
 * without configuration. On PostgreSQL there is no shared disk to rely on, so without
 * PREVIEW_SECRET share links are refused with {@link PreviewNotConfiguredError}.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { DatabaseEnv } from '@/lib/db/config';
import { secretBesideDatabase } from '@/lib/db/secret-file';

const VERSION = 'v1';
const SECRET_FILE = '.preview-secret';
export const PREVIEW_SECRET_MIN_LENGTH = 32;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** A link lives 24 hours unless asked otherwise. */
export const DEFAULT_PREVIEW_TTL_MS = DAY;
/** The longest a link may live: a week. Longer-lived links are a leak waiting to happen. */
export const MAX_PREVIEW_TTL_MS = 7 * DAY;
/** The shortest: one minute. */
export const MIN_PREVIEW_TTL_MS = MINUTE;

export class PreviewNotConfiguredError extends Error {
  constructor() {
    super(
      `preview links need PREVIEW_SECRET (${PREVIEW_SECRET_MIN_LENGTH}+ random characters) when the database is PostgreSQL; set the same value on every instance and for the content CLI`,
    );
    this.name = 'PreviewNotConfiguredError';
  }
}

export class InvalidTtlError extends Error {
  constructor(value: string) {
    super(`"${value}" is not a valid lifetime: write it as 30m, 2h or 1d (from 1m up to 7d)`);
    this.name = 'InvalidTtlError';
  }
}

/**
 * A link lifetime written as a whole number and a unit: `30m`, `2h`, `1d` (minutes, hours, days).
 * Between {@link MIN_PREVIEW_TTL_MS} and {@link MAX_PREVIEW_TTL_MS}; anything else throws
 * {@link InvalidTtlError}.
 */
export function parseTtl(value: string): number {
  const match = /^\s*(\d{1,6})\s*([mhd])\s*$/i.exec(value);
  if (!match) throw new InvalidTtlError(value);
  const unit = { m: MINUTE, h: HOUR, d: DAY }[(match[2] as string).toLowerCase() as 'm' | 'h' | 'd'];
  const ms = Number(match[1]) * unit;
  if (ms < MIN_PREVIEW_TTL_MS || ms > MAX_PREVIEW_TTL_MS) throw new InvalidTtlError(value);
  return ms;
}

/** The signing secret; throws {@link PreviewNotConfiguredError} when there is none to use. */
export function previewSecret(env: DatabaseEnv = process.env): string {
  const configured = env.PREVIEW_SECRET?.trim();
  if (configured) {
    if (configured.length < PREVIEW_SECRET_MIN_LENGTH) {
      throw new Error(`PREVIEW_SECRET must be at least ${PREVIEW_SECRET_MIN_LENGTH} characters`);
    }
    return configured;
  }
  const secret = secretBesideDatabase(SECRET_FILE, env);
  if (secret === null) throw new PreviewNotConfiguredError();
  return secret;
}

const ID_PATTERN = /^[a-z0-9][a-z0-9-]{2,63}$/;

function sign(secret: string, articleId: string, expiresAtSeconds: number): Buffer {
  return createHmac('sha256', secret).update(`sportnieuws-preview:${VERSION}:${articleId}:${expiresAtSeconds}`).digest();
}

/** A token for `articleId` that expires at `expiresAt` (rounded down to the second). */
export function signPreviewToken(articleId: string, expiresAt: Date, secret: string): string {
  if (!ID_PATTERN.test(articleId)) throw new RangeError(`"${articleId}" is not an article id`);
  const seconds = Math.floor(expiresAt.getTime() / 1000);
  if (!Number.isSafeInteger(seconds) || seconds <= 0) throw new RangeError('expiresAt must be a valid instant');
  return [VERSION, articleId, String(seconds), sign(secret, articleId, seconds).toString('base64url')].join('.');
}

export type PreviewTokenVerdict =
  | { ok: true; articleId: string; expiresAt: Date }
  | { ok: false; reason: 'malformed' | 'signature' | 'expired' };

/**
 * Checks a token against `secret` at `now`. The signature is checked before the expiry, so an
 * "expired" verdict is only ever given for a token this site really issued.
 */
export function verifyPreviewToken(token: string, secret: string, now: Date = new Date()): PreviewTokenVerdict {
  if (token.length > 200) return { ok: false, reason: 'malformed' };
  const parts = token.split('.');
  if (parts.length !== 4) return { ok: false, reason: 'malformed' };
  const [version, articleId = '', expiry = '', signature = ''] = parts;
  if (version !== VERSION || !ID_PATTERN.test(articleId) || !/^[1-9]\d{0,11}$/.test(expiry) || !/^[A-Za-z0-9_-]{43}$/.test(signature)) {
    return { ok: false, reason: 'malformed' };
  }
  const seconds = Number(expiry);
  // Compared as text, not as decoded bytes: the 43rd base64url character carries 2 bits the decoder
  // ignores, so four spellings decode to the same signature, and an altered link must not pass.
  const expected = Buffer.from(sign(secret, articleId, seconds).toString('base64url'));
  const presented = Buffer.from(signature);
  if (presented.length !== expected.length || !timingSafeEqual(presented, expected)) return { ok: false, reason: 'signature' };
  const expiresAt = new Date(seconds * 1000);
  if (expiresAt.getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, articleId, expiresAt };
}
