/**
 * The site's stand-alone error pages: a missing page (404), a forged or expired share link (401)
 * and "temporarily unavailable" (503), in both editions. The edge serves them from files in place of
 * what the origin cannot send (scripts/edge.ts writes them), and the origin's proxy answers the 503
 * page itself while the database is down (proxy.ts): the same page either way.
 *
 * One template, the site's own strings (messages/): the same words as the site's pages, and nothing
 * to translate twice. Self-contained: inline CSS, no requests, since the 503 page is shown exactly
 * when nothing else can be fetched. This module imports only JSON and the path table, so the proxy
 * that every request passes stays small.
 */
import en from '@/messages/en.json';
import nl from '@/messages/nl.json';
import type { Locale } from '@/lib/i18n/locales';
import { localizedPath } from '@/lib/i18n/paths';

export const ERROR_PAGE_STATUSES = [404, 401, 503] as const;
export type ErrorPageStatus = (typeof ERROR_PAGE_STATUSES)[number];

const MESSAGES: Record<Locale, unknown> = { nl, en };

const TEMPLATE = `<!doctype html>
<html lang="{{lang}}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>{{title}} · {{site}}</title>
<link rel="icon" href="data:,">
<style>
:root{--bg:#fff;--surface:#f4f5f7;--text:#16181d;--muted:#4d5561;--accent:#b3261e;--link:#0b4f9c;--border:#d9dce1;--focus:#0b57d0}
*,*::before,*::after{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;min-height:100vh;display:flex;flex-direction:column;background:var(--bg);color:var(--text);font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,'Noto Sans',sans-serif;font-size:1.0625rem;line-height:1.55}
a{color:var(--link);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
header{border-bottom:1px solid var(--border)}
.bar,main,.foot{width:100%;max-width:72rem;margin:0 auto;padding:.75rem 1rem}
.wordmark{font-family:Charter,'Bitstream Charter','Sitka Text',Cambria,Georgia,'Noto Serif',serif;font-size:1.6rem;font-weight:800;letter-spacing:-.02em;color:var(--accent);text-decoration:none}
main{flex:1;padding-top:2.5rem;padding-bottom:2.5rem}
.box{max-width:40rem}
.code{margin:0;color:var(--muted);font-size:.9rem;font-weight:600;letter-spacing:.04em;text-transform:uppercase}
h1{margin:.25rem 0 1rem;font-family:Charter,'Bitstream Charter','Sitka Text',Cambria,Georgia,'Noto Serif',serif;font-size:clamp(1.6rem,4vw,2.2rem);line-height:1.2;text-wrap:balance}
ul{display:flex;flex-wrap:wrap;gap:.75rem 1.5rem;margin:1.5rem 0 0;padding:0;list-style:none;font-weight:600}
footer{border-top:4px solid var(--accent);background:var(--surface);color:var(--muted);font-size:.9rem}
nav ul{margin:0;gap:.25rem 1.25rem;font-weight:600}
.bar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.5rem 1.5rem}
form{display:flex;flex-wrap:wrap;gap:.5rem;margin:1.5rem 0 0}
label{flex-basis:100%;font-weight:600}
input{flex:1 1 14rem;min-width:0;padding:.5rem .75rem;font:inherit;border:1px solid var(--muted);border-radius:4px}
button{padding:.5rem 1rem;font:inherit;font-weight:600;color:#fff;background:var(--accent);border:0;border-radius:4px;cursor:pointer}
</style>
</head>
<body>
<header><div class="bar"><a class="wordmark" href="{{front}}" aria-label="{{brandLabel}}"><span aria-hidden="true">{{site}}</span></a>
<nav aria-label="{{navLabel}}"><ul>{{nav}}</ul></nav></div></header>
<main id="main">
<div class="box">
<p class="code">{{code}}</p>
<h1>{{heading}}</h1>
{{text}}
{{search}}<ul>
{{actions}}
</ul>
</div>
</main>
<footer><div class="foot">{{site}} · {{tagline}}</div></footer>
</body>
</html>
`;

/**
 * A message with its `{arguments}` filled in. Inside the site's bundles the messages arrive
 * precompiled by next-intl (`precompile` in next.config.js): plain text stays a string, and text with
 * arguments becomes an array of strings and `[name]` parts. Read as JSON from disk (the edge's
 * script), they are ICU strings. These pages use plain text and simple arguments only; anything
 * else is null.
 */
function fill(message: unknown, values: Record<string, string>): string | null {
  const value = (name: string) => values[name] ?? null;
  if (typeof message === 'string') {
    if (/[{}]/.test(message.replace(/\{(\w+)\}/g, ''))) return null;
    let missing = false;
    const filled = message.replace(/\{(\w+)\}/g, (_, name: string) => value(name) ?? ((missing = true), ''));
    return missing ? null : filled;
  }
  if (!Array.isArray(message)) return null;
  const parts = message.map((part: unknown) => (typeof part === 'string' ? part : Array.isArray(part) && part.length === 1 && typeof part[0] === 'string' ? value(part[0]) : null));
  return parts.every((part) => part !== null) ? parts.join('') : null;
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (char) => `&#${char.charCodeAt(0)};`);

/** The page for `status` in `locale`'s edition. Throws when a message it needs is missing. */
export function renderErrorPage(status: ErrorPageStatus, locale: Locale): string {
  const messages = MESSAGES[locale] as Record<string, Record<string, unknown> | undefined>;
  const t = (namespace: string, key: string, values: Record<string, string> = {}): string => {
    const text = fill(messages[namespace]?.[key], values);
    if (text === null) throw new Error(`messages/${locale}.json has no plain text or simple {argument} message ${namespace}.${key}`);
    return text;
  };
  const front = localizedPath(locale, '/');
  const search = localizedPath(locale, '/search');
  const link = (href: string, label: string) => `<li><a href="${escapeHtml(href)}">${escapeHtml(label)}</a></li>`;
  const nav = [link(front, t('EdgeErrorPages', 'front')), link(localizedPath(locale, '/video'), t('EdgeErrorPages', 'video')), link(search, t('EdgeErrorPages', 'search'))].join('');
  const searchForm = [
    `<form action="${escapeHtml(search)}" method="get" role="search">`,
    `<label for="q">${escapeHtml(t('EdgeErrorPages', 'searchLabel'))}</label>`,
    '<input id="q" name="q" type="search" autocomplete="off">',
    `<button type="submit">${escapeHtml(t('EdgeErrorPages', 'search'))}</button>`,
    '</form>\n',
  ].join('\n');
  const kinds: Record<ErrorPageStatus, { title: string; heading: string; text: string[]; search: boolean; actions: string[] }> = {
    404: { title: t('NotFound', 'title'), heading: t('NotFound', 'title'), text: [t('NotFound', 'description')], search: true, actions: [link(front, t('NotFound', 'home'))] },
    401: { title: t('PreviewUnauthorized', 'metaTitle'), heading: t('PreviewUnauthorized', 'title'), text: [t('PreviewUnauthorized', 'description')], search: false, actions: [link(front, t('PreviewUnauthorized', 'home'))] },
    503: {
      title: t('EdgeErrorPages', 'unavailableTitle'),
      heading: t('EdgeErrorPages', 'unavailableHeading'),
      text: [t('EdgeErrorPages', 'unavailableDescription'), t('EdgeErrorPages', 'unavailableStale')],
      search: false,
      // An empty href reloads the address the reader asked for.
      actions: [link('', t('EdgeErrorPages', 'retry')), link(front, t('ErrorPage', 'home'))],
    },
  };
  const kind = kinds[status];
  const values: Record<string, string> = {
    lang: locale,
    site: escapeHtml(t('Site', 'name')),
    tagline: escapeHtml(t('Site', 'tagline')),
    front: escapeHtml(front),
    brandLabel: escapeHtml(t('SiteHeader', 'homeLabel')),
    navLabel: escapeHtml(t('EdgeErrorPages', 'navLabel')),
    nav,
    code: escapeHtml(t('EdgeErrorPages', 'code', { status: String(status) })),
    title: escapeHtml(kind.title),
    heading: escapeHtml(kind.heading),
    text: kind.text.map((paragraph) => `<p>${escapeHtml(paragraph)}</p>`).join('\n'),
    search: kind.search ? searchForm : '',
    actions: kind.actions.join('\n'),
  };
  return TEMPLATE.replace(/\{\{(\w+)\}\}/g, (match, name: string) => {
    const value = values[name];
    if (value === undefined) throw new Error(`the error page template has an unknown placeholder ${match}`);
    return value;
  });
}
