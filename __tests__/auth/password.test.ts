import { dummyVerify, hashPassword, needsRehash, passwordProblem, verifyPassword } from '@/lib/auth/password';

const PASSWORD = 'correct horse battery staple';

describe('password hashing', () => {
  let stored: string;
  beforeAll(async () => {
    stored = await hashPassword(PASSWORD);
  });

  it('stores a self-describing scrypt hash with N=2^15, r=8, p=1, a 16-byte salt and a 64-byte key', () => {
    const [scheme, logN, r, p, salt, key] = stored.split('$');
    expect([scheme, logN, r, p]).toEqual(['scrypt', '15', '8', '1']);
    expect(Buffer.from(salt ?? '', 'base64')).toHaveLength(16);
    expect(Buffer.from(key ?? '', 'base64')).toHaveLength(64);
    expect(stored).not.toContain(PASSWORD);
  });

  it('salts every hash: the same password hashes differently twice', async () => {
    await expect(hashPassword(PASSWORD)).resolves.not.toBe(stored);
  });

  it('accepts the right password', async () => {
    await expect(verifyPassword(PASSWORD, stored)).resolves.toBe(true);
  });

  it.each([
    ['a wrong password', 'correct horse battery stapler'],
    ['the password in another case', PASSWORD.toUpperCase()],
    ['an empty password', ''],
  ])('rejects %s', async (_label, attempt) => {
    await expect(verifyPassword(attempt, stored)).resolves.toBe(false);
  });

  it.each<[string, (hash: string) => string]>([
    ['a flipped key bit', (hash) => hash.replace(/[^$]+$/, (key) => {
      const bytes = Buffer.from(key, 'base64');
      bytes[10] = (bytes[10] ?? 0) ^ 1;
      return bytes.toString('base64');
    })],
    ['a different salt', (hash) => hash.replace(/\$([^$]+)\$([^$]+)$/, (_m, _salt, key: string) => `$${Buffer.alloc(16, 7).toString('base64')}$${key}`)],
    ['a truncated key', (hash) => hash.slice(0, -20)],
    ['another scheme', (hash) => hash.replace(/^scrypt/, 'bcrypt')],
    ['absurd cost parameters', (hash) => hash.replace('scrypt$15$8$1', 'scrypt$30$8$1')],
    ['missing fields', (hash) => hash.split('$').slice(0, 4).join('$')],
    ['garbage', () => 'not a hash at all'],
  ])('treats a hash with %s as no match, without throwing', async (_label, tamper) => {
    await expect(verifyPassword(PASSWORD, tamper(stored))).resolves.toBe(false);
  });

  it('asks for a rehash only when the stored parameters are weaker than the current ones', async () => {
    expect(needsRehash(stored)).toBe(false);
    expect(needsRehash(stored.replace('scrypt$15$', 'scrypt$14$'))).toBe(true);
    expect(needsRehash('garbage')).toBe(true);
  });

  it('has a dummy verification for unknown accounts that always fails', async () => {
    await expect(dummyVerify(PASSWORD)).resolves.toBe(false);
  });

  it.each([
    ['11 characters', 'a'.repeat(11), 'at least 12'],
    ['12 characters', 'a'.repeat(12), null],
    ['12 characters counted as code points, not UTF-16 units', '⚽'.repeat(12), null],
    ['11 emoji (22 UTF-16 units)', '⚽'.repeat(5) + '🏆'.repeat(6), 'at least 12'],
    ['257 characters', 'a'.repeat(257), 'at most 256'],
  ])('checks the length of a new password: %s', (_label, password, problem) => {
    const found = passwordProblem(password);
    if (problem === null) expect(found).toBeNull();
    else expect(found).toContain(problem);
  });
});
