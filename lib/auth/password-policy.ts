/**
 * What a new desk password must be (NIST SP 800-63B, section 3.1.1.2, in spirit): long enough,
 * not longer than the hashing bounds, and not one that attackers try first. There are no
 * composition rules (one digit, one capital): they push people to `Welkom2026!`, which is
 * refused here as a common password with a number on it.
 *
 * Refused, with the reason as a stable code (the desk localizes it, the CLI prints English):
 * - `passwordTooShort` / `passwordTooLong`: fewer than 12 or more than 256 characters;
 * - `passwordCommon`: on the list of 49,233 common and breached passwords that ships with
 *   `@zxcvbn-ts/language-common` (MIT), compared without case; also when it is only such a password
 *   in disguise: with digits or symbols around it, or spelled with look-alikes (`P@ssw0rd2026!`);
 * - `passwordRepetitive`: trivially repetitive or sequential: `aaaaaaaaaaaa`, `abababababab`,
 *   `hallo!hallo!`, `abcdefghijkl`, `123456789012`, a keyboard row;
 * - `passwordPersonal`: the account's own name or email, or the site's name, with or without
 *   digits around it.
 *
 * The list is loaded on first use (about 50 ms, 3 MB) and kept; only the server ever loads it.
 */
import { dictionary } from '@zxcvbn-ts/language-common';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from './password';

export type PasswordPolicyCode = 'passwordTooShort' | 'passwordTooLong' | 'passwordCommon' | 'passwordRepetitive' | 'passwordPersonal';

export interface PasswordPolicyProblem {
  code: PasswordPolicyCode;
  /** `min` or `max` for the length codes. */
  params?: Record<string, number>;
}

/** Who the password is for: their name and email are not passwords. */
export interface PasswordContext {
  email?: string | null;
  name?: string | null;
}

/** Words of this site that anyone would guess first. */
const SITE_WORDS = ['sportnieuws', 'redactie', 'redacteur', 'beheerder', 'desk', 'editor', 'admin'];

let commonPasswords: ReadonlySet<string> | undefined;

function commonSet(): ReadonlySet<string> {
  commonPasswords ??= new Set(dictionary['passwords-common'].map((password) => String(password).toLowerCase()));
  return commonPasswords;
}

/** Look-alikes people substitute for letters. */
const LOOK_ALIKES: Record<string, string> = { '@': 'a', '4': 'a', '8': 'b', '3': 'e', '6': 'g', '1': 'i', '!': 'i', '0': 'o', '$': 's', '5': 's', '7': 't', '2': 'z' };

const unLeet = (text: string) => [...text].map((character) => LOOK_ALIKES[character] ?? character).join('');

/** Digits, punctuation, spaces and symbols: what people put around a word to "strengthen" it. */
const PADDING = /^[\p{N}\p{P}\p{S}\s]*(.*?)[\p{N}\p{P}\p{S}\s]*$/u;

/** The word a password is built around: lowercased, its padding taken off, in two spellings. */
function cores(password: string): string[] {
  const lower = password.toLowerCase();
  const core = PADDING.exec(lower)?.[1] ?? lower;
  const unpadded = PADDING.exec(unLeet(lower))?.[1] ?? lower;
  return [...new Set([lower, core, unLeet(lower), unpadded, unLeet(core)])].filter((candidate) => candidate.length > 0);
}

const KEYBOARD_ROWS = ['`1234567890-=', 'qwertyuiop[]\\', "asdfghjkl;'", 'zxcvbnm,./', 'qwertyuiopasdfghjklzxcvbnm', 'azertyuiopqsdfghjklmwxcvbn', '1qaz2wsx3edc4rfv5tgb6yhn7ujm8ik,9ol.0p;/'];

function isRepetitive(password: string): boolean {
  const characters = [...password.toLowerCase()];
  if (new Set(characters).size < 5) return true;
  // The whole password is one shorter piece said again: "hallo!hallo!", "abcdabcdabcd".
  if (/^(.+?)\1+$/su.test(password.toLowerCase())) return true;
  // A run in one direction: "abcdefghijkl", "987654321098" (digits wrap around).
  const codes = characters.map((character) => character.codePointAt(0) ?? 0);
  const steps = codes.slice(1).map((code, index) => {
    const previous = codes[index] ?? 0;
    const isDigits = previous >= 48 && previous <= 57 && code >= 48 && code <= 57;
    return isDigits ? (((code - previous) % 10) + 10) % 10 : code - previous;
  });
  if (steps.every((step) => step === 1) || steps.every((step) => step === -1 || step === 9)) return true;
  const lower = password.toLowerCase();
  const reversed = [...lower].reverse().join('');
  return KEYBOARD_ROWS.some((row) => row.includes(lower) || row.includes(reversed) || row.repeat(2).includes(lower));
}

function personalWords(context: PasswordContext): string[] {
  const words = [...SITE_WORDS];
  const email = context.email?.trim().toLowerCase() ?? '';
  if (email !== '') {
    words.push(email);
    const local = email.split('@')[0] ?? '';
    words.push(local, ...local.split(/[._+-]+/));
  }
  const name = context.name?.trim().toLowerCase() ?? '';
  if (name !== '') words.push(name, name.replace(/\s+/g, ''), ...name.split(/\s+/));
  return words.filter((word) => [...word].length >= 3);
}

/**
 * Why `password` cannot be a new desk password, or null when it can. Checks, in order: length,
 * repetition, the account's own words, the common list; the first that applies is answered.
 */
export function checkNewPassword(password: string, context: PasswordContext = {}): PasswordPolicyProblem | null {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return { code: 'passwordTooShort', params: { min: PASSWORD_MIN_LENGTH } };
  if (length > PASSWORD_MAX_LENGTH) return { code: 'passwordTooLong', params: { max: PASSWORD_MAX_LENGTH } };
  if (isRepetitive(password)) return { code: 'passwordRepetitive' };
  const candidates = cores(password);
  const personal = personalWords(context);
  const joined = (text: string) => text.replace(/[\s._-]+/g, '');
  const personalJoined = personal.map(joined);
  if (candidates.some((candidate) => personal.includes(candidate) || personalJoined.includes(joined(candidate)))) {
    return { code: 'passwordPersonal' };
  }
  const common = commonSet();
  if (candidates.some((candidate) => common.has(candidate) || (candidate !== candidates[0] && isRepetitive(candidate) && candidate.length >= 4))) {
    return { code: 'passwordCommon' };
  }
  return null;
}

/** The English sentence for a problem, for the CLI and for errors that reach a log. */
export function passwordProblemText(problem: PasswordPolicyProblem): string {
  switch (problem.code) {
    case 'passwordTooShort':
      return `the password must be at least ${PASSWORD_MIN_LENGTH} characters`;
    case 'passwordTooLong':
      return `the password must be at most ${PASSWORD_MAX_LENGTH} characters`;
    case 'passwordRepetitive':
      return 'the password is too repetitive or predictable (a repeated character, piece or sequence, or a keyboard row)';
    case 'passwordPersonal':
      return "the password is built on the account's name or email, or the site's name";
    case 'passwordCommon':
      return 'the password is on the list of common and breached passwords (also with digits or symbols added)';
  }
}
