/**
 * Bytes the reader downloads:
 * - the article's HTML against its visible text (Chromium's `document.body.innerText`), with the
 *   HTML broken down into the inline RSC payload, JSON-LD, other inline scripts and styles;
 * - first-load JavaScript per route, gzip, from Next's own `diagnostics/route-bundle-stats.json`,
 *   against a bare Next app with one static page built the same way with the same next/react;
 * - whether any page, RSC payload or JS chunk carries message namespaces that no client leaf uses.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';
import { z } from 'zod';
import { CHROMIUM_LAUNCH_ARGS, chromiumPath } from '../scripts/chromium';
import { freePort, startNext } from './server';

const RouteStatsSchema = z.array(z.object({ route: z.string(), firstLoadUncompressedJsBytes: z.number(), firstLoadChunkPaths: z.array(z.string()) }));

const gzipCache = new Map<string, number>();
function gzipBytes(file: string): number {
  let size = gzipCache.get(file);
  if (size === undefined) {
    size = gzipSync(readFileSync(file), { level: 9 }).byteLength;
    gzipCache.set(file, size);
  }
  return size;
}

export interface RouteJs {
  route: string;
  /** Sum of each first-load chunk gzipped on its own (level 9), in kB (1000 bytes). */
  gzipKb: number;
  rawKb: number;
}

/** First-load JS of every route of the app built in `projectDir/distDir`. */
export function firstLoadJs(projectDir: string, distDir: string): RouteJs[] {
  const stats = RouteStatsSchema.parse(JSON.parse(readFileSync(path.join(projectDir, distDir, 'diagnostics', 'route-bundle-stats.json'), 'utf8')));
  return stats.map((entry) => ({
    route: entry.route,
    gzipKb: entry.firstLoadChunkPaths.reduce((sum, chunk) => sum + gzipBytes(path.join(projectDir, chunk)), 0) / 1000,
    rawKb: entry.firstLoadUncompressedJsBytes / 1000,
  }));
}

/**
 * Builds a minimal App Router app with the project's installed next and react, in a scratch folder
 * under `outDir`: a root layout, one static page, and one page rendered on first visit and then
 * cached like our articles (`revalidate`, no prebuilt params). Returns the folder and its `/`
 * route's first-load JS, measured exactly like the app's. The bench also serves the folder to
 * measure the framework's own cost of an uncached render (see bench/floor.ts).
 */
export function bareBaseline(root: string, outDir: string): RouteJs & { dir: string } {
  const dir = path.join(outDir, 'bare-next-app');
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(path.join(dir, 'app'), { recursive: true });
  writeFileSync(path.join(dir, 'package.json'), '{ "private": true }\n');
  // Its own (empty) config, so Next does not pick up the project's.
  writeFileSync(path.join(dir, 'next.config.js'), 'module.exports = {};\n');
  writeFileSync(path.join(dir, 'app', 'layout.js'), 'export default function RootLayout({ children }) {\n  return (<html lang="en"><body>{children}</body></html>);\n}\n');
  writeFileSync(path.join(dir, 'app', 'page.js'), 'export default function Page() {\n  return <p>Hello</p>;\n}\n');
  // The like-for-like page: the article's visible text and its images ({@link pageContent}),
  // read at request time from same-content.json, as plain paragraphs and <img>.
  mkdirSync(path.join(dir, 'app', 'same'));
  writeFileSync(
    path.join(dir, 'app', 'same', 'page.js'),
    [
      "import { readFileSync } from 'node:fs';",
      "import path from 'node:path';",
      "export const dynamic = 'force-dynamic';",
      'export default function Page() {',
      "  const { lines, images } = JSON.parse(readFileSync(path.join(process.cwd(), 'same-content.json'), 'utf8'));",
      '  return (<main>{lines.map((line, index) => <p key={index}>{line}</p>)}{images.map((image, index) => <img key={index} {...image} />)}</main>);',
      '}',
      '',
    ].join('\n'),
  );
  mkdirSync(path.join(dir, 'app', '[slug]'));
  writeFileSync(
    path.join(dir, 'app', '[slug]', 'page.js'),
    [
      'export const revalidate = 3600;',
      'export function generateStaticParams() {\n  return [];\n}',
      'export default async function Page({ params }) {\n  const { slug } = await params;\n  return <p>{slug}</p>;\n}',
      '',
    ].join('\n'),
  );
  const nextBin = require.resolve('next/dist/bin/next', { paths: [root] });
  const build = spawnSync(process.execPath, [nextBin, 'build'], { cwd: dir, env: { ...process.env, NEXT_DIST_DIR: '', NEXT_TELEMETRY_DISABLED: '1' }, encoding: 'utf8' });
  if (build.status !== 0) throw new Error(`bare Next build failed:\n${build.stdout}\n${build.stderr}`);
  const home = firstLoadJs(dir, '.next').find((entry) => entry.route === '/');
  if (!home) throw new Error('bare Next build has no "/" route in route-bundle-stats.json');
  return { ...home, dir };
}

/** What a reader sees of a page: its visible text, line by line, and its images' attributes. */
export interface PageContent {
  lines: string[];
  images: Array<Record<string, string>>;
}

/** The visible text and images of the page at `url`, as Chromium without JavaScript shows it. */
export async function pageContent(url: string): Promise<PageContent> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_LAUNCH_ARGS });
  try {
    const page = await (await browser.newContext({ locale: 'nl-NL', javaScriptEnabled: false })).newPage();
    await page.goto(url, { waitUntil: 'load' });
    return await page.evaluate(() => {
      const keep = ['src', 'srcset', 'sizes', 'alt', 'width', 'height', 'loading', 'decoding'];
      // React's names for the attributes that differ from HTML's.
      const react: Record<string, string> = { srcset: 'srcSet' };
      return {
        lines: document.body.innerText.split('\n').map((line) => line.trim()).filter(Boolean),
        images: [...document.body.querySelectorAll('img')].map((image) =>
          Object.fromEntries(keep.filter((name) => image.hasAttribute(name)).map((name) => [react[name] ?? name, image.getAttribute(name) ?? ''])),
        ),
      };
    });
  } finally {
    await browser.close();
  }
}

/**
 * The gzip size of the bare Next app's like-for-like page (built by {@link bareBaseline}) carrying
 * `content`: what the framework itself ships for the same text and images, to hold the article's
 * HTML against. Serves the bare app on a free port for the one request, and stops it.
 */
export async function bareHtmlGzipBytes(
  root: string,
  bareDir: string,
  content: PageContent,
  /** Runs while the bare page is served, with its URL (the bench's Lighthouse baseline). */
  whileServed?: (url: string) => Promise<void>,
): Promise<{ htmlBytes: number; htmlGzipBytes: number }> {
  writeFileSync(path.join(bareDir, 'same-content.json'), JSON.stringify(content));
  const server = await startNext(root, await freePort(), { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1', NEXT_DIST_DIR: '' }, bareDir);
  try {
    const html = await (await fetch(`${server.origin}/same`)).text();
    const paragraphs = html.match(/<p>/g)?.length ?? 0;
    const images = html.match(/<img /g)?.length ?? 0;
    if (paragraphs !== content.lines.length || images < content.images.length) {
      throw new Error(`the bare like-for-like page carries ${paragraphs} paragraphs and ${images} images, not ${content.lines.length} and ${content.images.length}`);
    }
    if (whileServed) await whileServed(`${server.origin}/same`);
    return { htmlBytes: utf8(html), htmlGzipBytes: gzipSync(Buffer.from(html, 'utf8')).byteLength };
  } finally {
    await server.stop();
  }
}

export interface HtmlBreakdown {
  htmlBytes: number;
  htmlGzipBytes: number;
  textBytes: number;
  /** `self.__next_f.push(…)` scripts: the RSC payload inlined for hydration. */
  rscInlineBytes: number;
  jsonLdBytes: number;
  otherInlineScriptBytes: number;
  inlineStyleBytes: number;
  /** Everything else: the markup itself (tags, attributes, text). */
  markupBytes: number;
}

const utf8 = (text: string) => Buffer.byteLength(text, 'utf8');

/** Splits raw HTML into inline scripts by kind, inline styles and the rest. */
export function breakDownHtml(html: string, textBytes: number): HtmlBreakdown {
  let rsc = 0;
  let jsonLd = 0;
  let otherScripts = 0;
  let styles = 0;
  for (const match of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    const whole = utf8(match[0]);
    const attrs = match[1] ?? '';
    const body = match[2] ?? '';
    if (body.includes('self.__next_f')) rsc += whole;
    else if (attrs.includes('application/ld+json')) jsonLd += whole;
    else otherScripts += whole;
  }
  for (const match of html.matchAll(/<style\b[^>]*>[\s\S]*?<\/style>/g)) styles += utf8(match[0]);
  const htmlBytes = utf8(html);
  return {
    htmlBytes,
    htmlGzipBytes: gzipSync(Buffer.from(html, 'utf8')).byteLength,
    textBytes,
    rscInlineBytes: rsc,
    jsonLdBytes: jsonLd,
    otherInlineScriptBytes: otherScripts,
    inlineStyleBytes: styles,
    markupBytes: htmlBytes - rsc - jsonLd - otherScripts - styles,
  };
}

/** The visible text of each page as Chromium renders it (`document.body.innerText`), in UTF-8 bytes. */
export async function visibleTextBytes(urls: string[]): Promise<Map<string, number>> {
  const browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_LAUNCH_ARGS });
  try {
    const context = await browser.newContext({ locale: 'nl-NL', javaScriptEnabled: false });
    const page = await context.newPage();
    const sizes = new Map<string, number>();
    for (const url of urls) {
      await page.goto(url, { waitUntil: 'load' });
      sizes.set(url, utf8(await page.evaluate(() => document.body.innerText)));
    }
    return sizes;
  } finally {
    await browser.close();
  }
}

/** The message namespaces some client component reads (`useTranslations('X')` in a 'use client' file). */
export function clientNamespaces(root: string): Set<string> {
  const used = new Set<string>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.(tsx|ts)$/.test(entry.name)) {
        const source = readFileSync(full, 'utf8');
        if (!/^\s*['"]use client['"]/.test(source)) continue;
        for (const match of source.matchAll(/useTranslations\(\s*['"]([A-Za-z]+)['"]/g)) if (match[1]) used.add(match[1]);
      }
    }
  };
  for (const dir of ['app', 'components']) walk(path.join(root, dir));
  return used;
}

/** Top-level namespaces of the messages catalogue (messages/nl.json). */
export function allNamespaces(root: string): string[] {
  const catalogue = z.record(z.string(), z.unknown()).parse(JSON.parse(readFileSync(path.join(root, 'messages', 'nl.json'), 'utf8')));
  return Object.keys(catalogue);
}

/** Which of `namespaces` occur as an object key (`"X":{`, JSON-escaped or not) in `text`. */
export function namespacesIn(text: string, namespaces: readonly string[]): string[] {
  return namespaces.filter((name) => new RegExp(`\\\\?"${name}\\\\?"\\s*:\\s*\\{`).test(text));
}

/** Every JS file under the build's static/chunks. */
export function staticChunks(projectDir: string, distDir: string): Array<{ file: string; text: string }> {
  const dir = path.join(projectDir, distDir, 'static', 'chunks');
  const files: Array<{ file: string; text: string }> = [];
  const walk = (current: string) => {
    for (const entry of readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.js')) files.push({ file: path.relative(projectDir, full), text: readFileSync(full, 'utf8') });
    }
  };
  walk(dir);
  return files;
}
