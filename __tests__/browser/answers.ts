/**
 * What every answer of the site looks like, whatever was asked: the properties the bad-request
 * regressions and the route fuzz suite check.
 */
import type { APIResponse } from '@playwright/test';

/** The headers next.config.js `headers()` puts on every answer (HSTS only on an https SITE_URL). */
export const SECURITY_HEADERS = ['content-security-policy', 'permissions-policy', 'x-content-type-options', 'referrer-policy'] as const;

export type Edition = 'nl' | 'en';

/** `/en` and below is the English edition; every other path is a Dutch address. */
export function editionOfPath(pathname: string): Edition {
  return pathname === '/en' || pathname.startsWith('/en/') || pathname.startsWith('/en?') ? 'en' : 'nl';
}

/** The security headers an answer lacks. */
export function missingSecurityHeaders(response: APIResponse): string[] {
  const headers = response.headers();
  return SECURITY_HEADERS.filter((name) => !headers[name]);
}

/**
 * The edition an HTML document shows: its `<html lang>`, or, for Next's empty error document
 * (`<html id="__next_error__">`, what the origin sends for notFound() and unauthorized():
 * vercel/next.js#62228), the language of the locale layout its RSC payload renders, which is what
 * the browser shows once it hydrates. The payload always carries the root not-found page too,
 * which is Dutch, so English wins when both appear. Null when neither says.
 */
export function renderedEdition(html: string): Edition | null {
  const lang = /<html[^>]*\slang="([^"]+)"/.exec(html)?.[1];
  if (lang !== undefined) return lang === 'nl' || lang === 'en' ? lang : null;
  if (!/<html[^>]*\sid="__next_error__"/.test(html)) return null;
  const rendered = new Set([...html.matchAll(/\\"html\\",null,\{\\"lang\\":\\"(\w+)\\"/g)].map((match) => match[1]));
  if (rendered.has('en')) return 'en';
  return rendered.has('nl') ? 'nl' : null;
}

export function contentType(response: APIResponse): string {
  return response.headers()['content-type'] ?? '';
}
