/**
 * Password hashing for the editor desk: scrypt from node:crypto, in a self-describing format
 *
 *   scrypt$<log2 N>$<r>$<p>$<salt, base64>$<hash, base64>
 *
 * so the parameters can be raised later: {@link needsRehash} tells sign-in to store a fresh hash
 * when a stored one uses weaker parameters than {@link SCRYPT_PARAMS}. Verification compares in
 * constant time and never throws on a malformed or tampered hash (it is simply not a match), and it
 * refuses parameters far outside the current ones so a tampered row cannot make the server spend
 * gigabytes or minutes on one sign-in.
 */
import { randomBytes, scrypt as scryptCallback, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/** N = 2^15, r = 8, p = 1 (OWASP's scrypt recommendation): 32 MiB and roughly 50–100 ms per hash. */
export const SCRYPT_PARAMS = { logN: 15, r: 8, p: 1 } as const;
export const SALT_BYTES = 16;
export const KEY_BYTES = 64;
export const PASSWORD_MIN_LENGTH = 12;
/** Long enough for any passphrase or manager-generated password; bounds the work one request can ask for. */
export const PASSWORD_MAX_LENGTH = 256;

/** Limits on what a stored hash may ask for; anything outside is treated as tampered. */
const LIMITS = { logN: [14, 20], r: [1, 32], p: [1, 16] } as const;

interface ScryptParams {
  logN: number;
  r: number;
  p: number;
}

function scrypt(password: string, salt: Buffer, params: ScryptParams, keylen: number): Promise<Buffer> {
  const N = 2 ** params.logN;
  const options: ScryptOptions = {
    N,
    r: params.r,
    p: params.p,
    // Node's default maxmem (32 MiB) is exactly what N=2^15, r=8 needs, and scrypt wants a little more.
    maxmem: 128 * N * params.r * params.p + 16 * 1024 * 1024,
  };
  return new Promise((resolve, reject) => {
    scryptCallback(password.normalize('NFC'), salt, keylen, options, (error, key) => (error ? reject(error) : resolve(key)));
  });
}

/** Why a password cannot be used, or null when it can. Length is counted in characters (code points). */
export function passwordProblem(password: string): string | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return `the password must be at least ${PASSWORD_MIN_LENGTH} characters`;
  if (length > PASSWORD_MAX_LENGTH) return `the password must be at most ${PASSWORD_MAX_LENGTH} characters`;
  return null;
}

/** Hashes a password with a fresh random salt. Does not check its length; callers validate first. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await scrypt(password, salt, SCRYPT_PARAMS, KEY_BYTES);
  const { logN, r, p } = SCRYPT_PARAMS;
  return ['scrypt', logN, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

interface ParsedHash extends ScryptParams {
  salt: Buffer;
  key: Buffer;
}

const within = (value: number, [min, max]: readonly [number, number]) => Number.isInteger(value) && value >= min && value <= max;
const BASE64 = /^[A-Za-z0-9+/]+={0,2}$/;

function parseHash(stored: string): ParsedHash | null {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return null;
  const [, logN, r, p, salt, key] = parts as [string, string, string, string, string, string];
  const params = { logN: Number(logN), r: Number(r), p: Number(p) };
  if (!within(params.logN, LIMITS.logN) || !within(params.r, LIMITS.r) || !within(params.p, LIMITS.p)) return null;
  if (!BASE64.test(salt) || !BASE64.test(key)) return null;
  const parsed = { ...params, salt: Buffer.from(salt, 'base64'), key: Buffer.from(key, 'base64') };
  // Exactly the key length this module writes: a shorter scrypt output is a prefix of the longer
  // one, so accepting a truncated key would weaken the comparison.
  if (parsed.salt.length < SALT_BYTES || parsed.key.length !== KEY_BYTES) return null;
  return parsed;
}

/**
 * True when `password` matches the stored hash. Compares in constant time; a malformed, tampered
 * or foreign-format hash is never a match (and never an exception).
 */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parseHash(stored);
  if (parsed === null || [...password].length > PASSWORD_MAX_LENGTH) return false;
  const key = await scrypt(password, parsed.salt, parsed, KEY_BYTES);
  return timingSafeEqual(key, parsed.key);
}

/** True when the stored hash should be replaced (after a successful sign-in) by one with the current parameters. */
export function needsRehash(stored: string): boolean {
  const parsed = parseHash(stored);
  if (parsed === null) return true;
  return parsed.logN < SCRYPT_PARAMS.logN || parsed.r < SCRYPT_PARAMS.r || parsed.p < SCRYPT_PARAMS.p;
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends the same work as {@link verifyPassword} against a real hash and returns false. Sign-in calls
 * it for an unknown email, so the response time does not tell which addresses have accounts.
 */
export async function dummyVerify(password: string): Promise<false> {
  dummyHash ??= hashPassword(randomBytes(18).toString('base64'));
  await verifyPassword(password, await dummyHash);
  return false;
}
