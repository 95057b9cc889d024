import type { ReactNode } from 'react';
import Link from 'next/link';
import { getTranslations } from 'next-intl/server';
import { deskRoutePath, type DeskPathname } from '@/lib/auth/desk-paths';
import { can, type Permission } from '@/lib/auth/roles';
import type { SessionUser } from '@/lib/auth/sessions';
import { signOut } from '@/lib/desk/sign-out';
import type { Locale } from '@/lib/i18n/locales';
import { SignOutForm } from './SignOutForm.client';
import styles from './DeskShell.module.css';

/** The desk's sections, for the navigation's `aria-current`. */
export type DeskArea = 'articles' | 'new' | 'media' | 'users' | 'sections' | 'authors' | 'audit' | 'password';

interface NavItem {
  area: DeskArea;
  pathname: DeskPathname;
  /** Shown only to users with this permission. */
  permission: Permission;
}

const NAV: readonly NavItem[] = [
  { area: 'articles', pathname: '/desk', permission: 'articles.edit' },
  { area: 'new', pathname: '/desk/articles/new', permission: 'articles.edit' },
  { area: 'media', pathname: '/desk/media', permission: 'articles.edit' },
  { area: 'users', pathname: '/desk/users', permission: 'users.manage' },
  { area: 'sections', pathname: '/desk/sections', permission: 'sections.manage' },
  { area: 'authors', pathname: '/desk/authors', permission: 'authors.manage' },
  { area: 'audit', pathname: '/desk/audit', permission: 'audit.read' },
  { area: 'password', pathname: '/desk/password', permission: 'articles.edit' },
];

/**
 * The frame of every signed-in desk page: the desk navigation (admin screens only for admins), who
 * is signed in, the sign-out form, and the page itself. `current` marks the active area (null on
 * pages below an area, such as an article's revisions). `pagePath` is the page's own path, where
 * the sign-out form posts before JavaScript has loaded.
 */
export async function DeskShell({
  locale,
  user,
  current,
  pagePath,
  navigation = true,
  children,
}: {
  locale: Locale;
  user: SessionUser;
  current: DeskArea | null;
  pagePath: string;
  /** False while the user must change a one-time password: no page but this one would open. */
  navigation?: boolean;
  children: ReactNode;
}) {
  const t = await getTranslations({ locale, namespace: 'DeskShell' });
  return (
    <div className={styles.shell}>
      <header className={styles.bar}>
        <nav aria-label={t('navLabel')} className={styles.nav}>
          <ul>
            {NAV.filter((item) => (navigation || item.area === current) && can(user.role, item.permission)).map((item) => (
              <li key={item.area}>
                <Link
                  href={deskRoutePath(locale, item.pathname)}
                  prefetch={false}
                  aria-current={item.area === current ? 'page' : undefined}
                >
                  {t(`nav.${item.area}`)}
                </Link>
              </li>
            ))}
          </ul>
        </nav>
        <div className={styles.account}>
          <span>{t('signedInAs', { name: user.name, email: user.email })}</span>
          <span>{t('role', { role: user.role })}</span>
          <SignOutForm action={signOut.bind(null, locale)} pagePath={pagePath} label={t('signOut')} />
        </div>
      </header>
      <div className={styles.content}>{children}</div>
    </div>
  );
}
