import { getTranslations } from 'next-intl/server';
import type { Locale } from '@/lib/i18n/locales';
import { SignInForm } from './SignInForm.client';
import type { SignInFormState } from './sign-in-state';
import styles from './desk.module.css';

/** The sign-in page's content: heading, a short explanation and the form. */
export async function SignInPanel({
  locale,
  next,
  pagePath,
  action,
}: {
  locale: Locale;
  next: string;
  /** The sign-in page's own URL, with its `next`. */
  pagePath: string;
  action: (state: SignInFormState, form: FormData) => Promise<SignInFormState>;
}) {
  const t = await getTranslations({ locale, namespace: 'DeskSignIn' });
  return (
    <section className={styles.desk} aria-labelledby="desk-sign-in-title">
      <h1 id="desk-sign-in-title">{t('title')}</h1>
      <p>{t('intro')}</p>
      <SignInForm action={action} next={next} pagePath={pagePath} labels={{ email: t('email'), password: t('password'), submit: t('submit') }} />
    </section>
  );
}
