/** @jest-environment jsdom */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { createTranslator } from 'next-intl';
import LocaleError from '@/app/[locale]/error';
import { ErrorPageLabelsProvider, type ErrorPageLabels } from '@/components/layout/ErrorPageLabels.client';
import type { Locale } from '@/lib/i18n/locales';
import { localizedPath } from '@/lib/i18n/paths';
import en from '@/messages/en.json';
import nl from '@/messages/nl.json';

/** What the locale layout puts in the context, from the real messages. */
function layoutLabels(locale: Locale): ErrorPageLabels {
  const t = createTranslator({ locale, messages: locale === 'nl' ? nl : en, namespace: 'ErrorPage' });
  return { title: t('title'), description: t('description'), retry: t('retry'), home: t('home'), homeHref: localizedPath(locale, '/') };
}

function renderError(locale: Locale, reset = jest.fn()) {
  render(
    <ErrorPageLabelsProvider labels={layoutLabels(locale)}>
      <LocaleError error={new Error('render failed')} reset={reset} />
    </ErrorPageLabelsProvider>,
  );
  return reset;
}

describe('the locale error page', () => {
  it.each([
    { locale: 'nl', title: 'Er ging iets mis', retry: 'Opnieuw proberen', home: 'Naar de voorpagina', href: '/' },
    { locale: 'en', title: 'Something went wrong', retry: 'Try again', home: 'Go to the front page', href: '/en' },
  ] as const)('speaks $locale, with the strings the layout passed, and links to that edition’s front', ({ locale, title, retry, home, href }) => {
    renderError(locale);
    expect(screen.getByRole('alert')).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1, name: title })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: retry })).toBeInTheDocument();
    expect(screen.getByRole('link', { name: home })).toHaveAttribute('href', href);
  });

  it('retries the render when the reader asks', async () => {
    const reset = renderError('en');
    await userEvent.setup().click(screen.getByRole('button', { name: 'Try again' }));
    expect(reset).toHaveBeenCalledTimes(1);
  });
});
