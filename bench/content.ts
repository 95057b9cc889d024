/**
 * Synthetic content for the benchmark: realistic articles (several paragraphs, tags, sections, a
 * lead image, ~15% with a video), generated deterministically and written through the data layer's
 * own applyContent, in batches of one transaction each.
 *
 * Article i (0 = newest) is the same at every scale, and the smaller scale is the newest slice of
 * the larger one. The build prerenders the home front from the smallest database; because the
 * newest articles are identical, that prerender is also correct for the larger ones.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { applyContent, getKnownReferences } from '@/lib/data/write';
import { validateContentFile } from '@/lib/content/validate';
import { AuthorInputSchema, SectionInputSchema, type ArticleInput, type AuthorInput, type Block, type SectionInput } from '@/lib/content/model';
import { refreshPlannerStatistics, type Database } from '@/lib/db/connection';
import type { Locale } from '@/lib/i18n/locales';
import { slugify } from '@/lib/content/slug';
import { bulkInsertArticles, verifyBulkRows } from './bulk';

/** Minutes between two consecutive articles: 100,000 articles span about 1.3 years. */
const SPACING_MS = 7 * 60 * 1000;
/** How old the newest article is when the content is generated. */
const NEWEST_AGE_MS = 10 * 60 * 1000;
const BATCH_SIZE = 2000;

/** The section that gets the biggest share, so its listing reaches page 200 at 100k articles. */
export const MAIN_SECTION: Record<Locale, string> = { nl: 'voetbal', en: 'football' };

/** A small, fast, seedable PRNG (mulberry32): the same seed always gives the same content. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const WORDS: Record<Locale, string[]> = {
  nl: (
    'de het een wedstrijd ploeg trainer speler seizoen doelpunt minuut tweede helft rust aanvaller verdediger keeper ' +
    'supporters stadion overwinning nederlaag gelijkspel competitie beker finale halve kwartfinale kampioen titel ' +
    'transfer contract club directeur scheidsrechter kaart strafschop blessure herstel training selectie bondscoach ' +
    'sprint etappe klassement renner peloton ontsnapping berg tijdrit ronde coureur kwalificatie pole bocht pitstop ' +
    'baan schaats kilometer record toernooi set game servicebeurt tiebreak hockey cirkel shoot-out medaille spelen ' +
    'was werd had zei volgens na voor tegen met zonder omdat toen daarna uiteindelijk opnieuw alweer nog steeds ' +
    'sterk zwak snel laat vroeg belangrijk beslissend moeizaam overtuigend verrassend zondag zaterdag woensdag avond'
  ).split(' '),
  en: (
    'the a match team coach player season goal minute second half break striker defender keeper supporters stadium ' +
    'win defeat draw league cup final semi quarter champion title transfer contract club director referee card penalty ' +
    'injury recovery training squad manager sprint stage classification rider peloton breakaway climb time trial lap ' +
    'driver qualifying pole corner pit stop track skating kilometre record tournament set game serve tiebreak hockey ' +
    'circle shoot-out medal games was became had said according after before against with without because then finally ' +
    'again still strong weak fast late early important decisive difficult convincing surprising sunday saturday evening'
  ).split(' '),
};

const CLUBS = ['FC Dijkstad', 'Lindewaard', 'SV Oosterkade', 'Rood-Wit', 'Vitesse Noord', 'Sparta Meerburg', 'De Zwaluwen', 'Atlético Brink', 'Olympia Veen', 'VV Heuvelrug'];
const PEOPLE = ['Jorrit Bakels', 'Mikkel Sandvad', 'Sanne de Wit', 'Lars Mulder', 'Noor Hendriks', 'Tom Verhoef', 'Eva Bosman', 'Kees Brandt', 'Mila Jansen', 'Ruben Smit', 'Fleur Visser', 'Daan Kok'];
const EVENTS = ['Eredivisie', 'Champions League', 'WK 2026', 'Tour de France', 'Giro', 'Wimbledon', 'Roland Garros', 'Grand Prix Zandvoort', 'Elfstedentocht', 'Hoofdklasse', 'Olympische Spelen', 'Transfers', 'Europees voetbal', 'KNVB Beker'];
const TAG_POOL = [...CLUBS, ...PEOPLE, ...EVENTS, ...Array.from({ length: 120 }, (_, i) => `Speler ${i + 1}`)];

const TITLE_TEMPLATES: Record<Locale, Array<(a: string, b: string, p: string) => string>> = {
  nl: [
    (a, b) => `${a} wint met ruime cijfers van ${b}`,
    (a, b) => `${a} en ${b} houden elkaar in evenwicht`,
    (_a, _b, p) => `${p} verlengt contract: 'Mijn verhaal is nog niet af'`,
    (a, _b, p) => `${p} beslist topper voor ${a} in blessuretijd`,
    (a) => `Trainer van ${a} na nederlaag: 'Dit moeten we snel vergeten'`,
  ],
  en: [
    (a, b) => `${a} cruise past ${b} in one-sided contest`,
    (a, b) => `${a} and ${b} share the points after tense draw`,
    (_a, _b, p) => `${p} signs new deal: 'My story here is not finished'`,
    (a, _b, p) => `${p} settles it for ${a} in stoppage time`,
    (a) => `${a} coach after defeat: 'We have to forget this quickly'`,
  ],
};

/** The demo's sections and authors (checked with the content model's schemas), reused as-is. */
export function demoTaxonomy(root: string): { sections: SectionInput[]; authors: AuthorInput[] } {
  const dir = path.join(root, 'content', 'demo');
  const sections = new Map<string, SectionInput>();
  const authors = new Map<string, AuthorInput>();
  const file = z.object({ sections: z.array(SectionInputSchema).optional(), authors: z.array(AuthorInputSchema).optional() });
  for (const name of readdirSync(dir).filter((entry) => entry.endsWith('.json')).sort()) {
    const parsed = file.parse(JSON.parse(readFileSync(path.join(dir, name), 'utf8')));
    for (const section of parsed.sections ?? []) sections.set(`${section.locale}/${section.slug}`, section);
    for (const author of parsed.authors ?? []) authors.set(author.slug, author);
  }
  return { sections: [...sections.values()], authors: [...authors.values()] };
}

export interface Generator {
  sections: SectionInput[];
  authors: AuthorInput[];
  article(index: number): ArticleInput;
}

/** Article generator over the demo's sections, authors and images, anchored at `newest`. */
export function createGenerator(root: string, newest: Date): Generator {
  const { sections, authors } = demoTaxonomy(root);
  const images = readdirSync(path.join(root, 'public', 'images', 'demo')).filter((name) => /^(nl|en)-.*\.webp$/.test(name)).sort();
  const posters = readdirSync(path.join(root, 'public', 'images', 'demo')).filter((name) => name.startsWith('poster-')).sort();
  const sectionsOf = (locale: Locale) => sections.filter((section) => section.locale === locale).map((section) => section.slug);
  const authorSlugs = authors.map((author) => author.slug);
  const newestMs = Math.floor((newest.getTime() - NEWEST_AGE_MS) / 60_000) * 60_000;

  const pick = <T>(rnd: () => number, list: readonly T[]): T => {
    const value = list[Math.floor(rnd() * list.length)];
    if (value === undefined) throw new Error('bench content: empty list');
    return value;
  };
  const sentence = (rnd: () => number, locale: Locale, words: number) => {
    const parts = Array.from({ length: words }, () => pick(rnd, WORDS[locale]));
    if (rnd() < 0.3) parts.splice(Math.floor(rnd() * parts.length), 0, `**${pick(rnd, PEOPLE)}**`);
    if (rnd() < 0.3) parts.splice(Math.floor(rnd() * parts.length), 0, pick(rnd, CLUBS));
    const text = parts.join(' ');
    return `${text.charAt(0).toUpperCase()}${text.slice(1)}.`;
  };
  const paragraph = (rnd: () => number, locale: Locale) =>
    Array.from({ length: 3 + Math.floor(rnd() * 3) }, () => sentence(rnd, locale, 10 + Math.floor(rnd() * 12))).join(' ');

  return {
    sections,
    authors,
    article(index: number): ArticleInput {
      const rnd = random(index + 1);
      const locale: Locale = index % 5 === 4 ? 'en' : 'nl';
      const sectionSlugs = sectionsOf(locale);
      const section = rnd() < 0.4 ? MAIN_SECTION[locale] : pick(rnd, sectionSlugs);
      const [home, away, person] = [pick(rnd, CLUBS), pick(rnd, CLUBS), pick(rnd, PEOPLE)];
      const title = pick(rnd, TITLE_TEMPLATES[locale])(home, away, person);
      const publishedMs = newestMs - index * SPACING_MS;
      const body: Block[] = [];
      const paragraphs = 4 + Math.floor(rnd() * 4);
      for (let p = 0; p < paragraphs; p++) {
        if (p === 2 && rnd() < 0.5) body.push({ type: 'heading', text: sentence(rnd, locale, 4).slice(0, -1) });
        if (p === 3 && rnd() < 0.3) body.push({ type: 'quote', text: sentence(rnd, locale, 14), source: person });
        body.push({ type: 'paragraph', text: paragraph(rnd, locale) });
      }
      if (rnd() < 0.15) {
        body.splice(1, 0, {
          type: 'video',
          provider: 'youtube',
          id: Array.from({ length: 11 }, () => pick(rnd, [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789_-'])).join(''),
          title: sentence(rnd, locale, 6).slice(0, -1),
          poster: `/images/demo/${pick(rnd, posters)}`,
          duration: 30 + Math.floor(rnd() * 300),
        });
      }
      const tags = [...new Set(Array.from({ length: 2 + Math.floor(rnd() * 4) }, () => pick(rnd, TAG_POOL)).concat(home))];
      const firstAuthor = pick(rnd, authorSlugs);
      const secondAuthor = pick(rnd, authorSlugs);
      const edited = rnd() < 0.1;
      return {
        id: `bench-${index}`,
        locale,
        slug: `${slugify(title).slice(0, 90).replace(/-+$/, '')}-${index}`,
        status: 'published',
        title,
        intro: sentence(rnd, locale, 24),
        section,
        authors: rnd() < 0.2 && secondAuthor !== firstAuthor ? [firstAuthor, secondAuthor] : [firstAuthor],
        tags,
        publishedAt: new Date(publishedMs).toISOString(),
        ...(edited ? { updatedAt: new Date(publishedMs + 45 * 60_000).toISOString() } : {}),
        leadImage: {
          src: `/images/demo/${pick(rnd, images)}`,
          alt: locale === 'nl' ? `Illustratie bij: ${title}` : `Illustration for: ${title}`,
          caption: sentence(rnd, locale, 8),
          credit: 'Sportnieuws',
        },
        body,
      };
    },
  };
}

export interface SeedTiming {
  articles: number;
  seconds: number;
}

/**
 * Writes `count` generated articles (the newest `count`) with the demo's sections and authors into
 * an empty database, through applyContent in batches of {@link BATCH_SIZE} (one transaction each).
 * The first batch also goes through validateContentFile, so the generator cannot drift from the
 * content model unnoticed.
 */
export async function seedSynthetic(
  database: Database,
  generator: Generator,
  count: number,
  onProgress: (done: number) => void = () => undefined,
): Promise<SeedTiming> {
  const started = performance.now();
  const sample = { sections: generator.sections, authors: generator.authors, articles: Array.from({ length: Math.min(count, 50) }, (_, i) => generator.article(i)) };
  const validation = validateContentFile(sample, await getKnownReferences(database));
  if (!validation.ok) {
    const first = validation.problems.slice(0, 5).map((problem) => `${problem.path}: ${problem.message}`);
    throw new Error(`bench content does not validate:\n${first.join('\n')}`);
  }
  await applyContent(database, { sections: generator.sections, authors: generator.authors });
  const now = new Date();
  for (let start = 0; start < count; start += BATCH_SIZE) {
    const articles = Array.from({ length: Math.min(BATCH_SIZE, count - start) }, (_, i) => generator.article(start + i));
    // PostgreSQL: the first batch through applyContent (it creates the tags exactly as an import
    // would), the rest in bulk; SQLite: applyContent throughout (fast in-process).
    if (database.engine === 'postgres' && start > 0) await bulkInsertArticles(database, articles, now);
    else await applyContent(database, { articles }, { now });
    onProgress(start + articles.length);
  }
  if (database.engine === 'postgres' && count > BATCH_SIZE) {
    const step = Math.max(1, Math.floor((count - BATCH_SIZE) / 20));
    const sample = Array.from({ length: 20 }, (_, i) => BATCH_SIZE + i * step).filter((index) => index < count);
    await verifyBulkRows(database, sample.map((index) => generator.article(index)), now);
  }
  // As a bulk import does (lib/data/interchange.ts): statistics for the new row counts, inside the
  // timed seed, so PostgreSQL does not plan the benchmark's queries for an empty table.
  await refreshPlannerStatistics(database);
  return { articles: count, seconds: (performance.now() - started) / 1000 };
}
