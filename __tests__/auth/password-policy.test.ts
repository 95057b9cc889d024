import { checkNewPassword, passwordProblemText, type PasswordPolicyCode } from '@/lib/auth/password-policy';

const context = { email: 'merel.jansen@example.test', name: 'Merel Jansen' };

describe('a new desk password', () => {
  it.each<[string, PasswordPolicyCode]>([
    ['kort', 'passwordTooShort'],
    ['elf tekens!', 'passwordTooShort'],
    ['x'.repeat(257), 'passwordTooLong'],
    // Length alone would accept these.
    ['aaaaaaaaaaaa', 'passwordRepetitive'],
    ['AAAAAAAAAAAAAAAAAAAA', 'passwordRepetitive'],
    ['abababababab', 'passwordRepetitive'],
    ['hallo!hallo!', 'passwordRepetitive'],
    ['abcdefghijkl', 'passwordRepetitive'],
    ['123456789012', 'passwordRepetitive'],
    ['987654321098', 'passwordRepetitive'],
    ['qwertyuiopas', 'passwordRepetitive'],
    ['1qaz2wsx3edc', 'passwordRepetitive'],
    // The common list, without case, and the same words dressed up.
    ['password1234', 'passwordCommon'],
    ['qwerty123456', 'passwordCommon'],
    ['Wachtwoord2026!', 'passwordCommon'],
    ['Feyenoord1908', 'passwordCommon'],
    ['P@ssw0rd2026!', 'passwordCommon'],
    ['!!voetbal2024!!', 'passwordCommon'],
    ['sunshine-2025', 'passwordCommon'],
    // The account's own words and the site's name.
    ['merel.jansen2026', 'passwordPersonal'],
    ['MerelJansen!!1', 'passwordPersonal'],
    ['Sportnieuws2026', 'passwordPersonal'],
    ['redactie123456', 'passwordPersonal'],
  ])('refuses %p (%s)', (password, code) => {
    expect(checkNewPassword(password, context)?.code).toBe(code);
  });

  it.each([['zeven ijsvogels op een rij'], ['Trapveldje-Oost-Hagelslag'], ['correct horse battery staple'], ['vG7#kq2!Lm9@xW'], ['fietsbel plakband kompas']])(
    'accepts %p',
    (password) => {
      expect(checkNewPassword(password, context)).toBeNull();
    },
  );

  it('counts characters, not bytes: twelve accented letters are long enough, eleven are not', () => {
    expect(checkNewPassword('éèêëāăąçćĉċč')).toBeNull();
    expect(checkNewPassword('éèêëāăąçćĉċ')?.code).toBe('passwordTooShort');
  });

  it.each<PasswordPolicyCode>(['passwordTooShort', 'passwordTooLong', 'passwordCommon', 'passwordRepetitive', 'passwordPersonal'])(
    'has an English sentence for %s that never repeats the password',
    (code) => {
      expect(passwordProblemText({ code })).toMatch(/^the password /);
    },
  );
});
