/**
 * The editor desk's data layer (lib/desk/articles/): saving with the import's validation, revisions,
 * publication changes, optimistic concurrency, slugs and the desk list. The clock is pinned
 * everywhere; every test that writes has a database of its own.
 */
import type { ArticleInput } from '@/lib/content/model';
import { captureAuditLog, listAuditEvents } from '@/lib/auth/audit';
import { createUser } from '@/lib/auth/users';
import { shownUpdate } from '@/lib/content/updates';
import { publishDueArticles } from '@/lib/publishing/scheduler';
import { getPublicArticle } from '@/lib/data/articles';
import { listPublicArticles } from '@/lib/data/listing';
import { InvalidCursorError } from '@/lib/data/cursor';
import { getDeskArticle } from '@/lib/desk/articles/desk-article';
import { listDeskArticles, type DeskListItem, type DeskListOptions } from '@/lib/desk/articles/list';
import { changePublication } from '@/lib/desk/articles/publication';
import { restoreRevision } from '@/lib/desk/articles/restore';
import { getRevision, listRevisions } from '@/lib/desk/articles/revisions';
import { saveArticle } from '@/lib/desk/articles/save';
import { suggestSlug } from '@/lib/desk/articles/slug-suggestion';
import { ARTICLE_PATH, type SaveOutcome } from '@/lib/desk/articles/write-path';
import { applyContent } from '@/lib/data/write';
import type { Database } from '@/lib/db/connection';
import { contentFixture, FIXTURE_NOW, fixtureArticle } from '../fixtures/content';
import { describeEachEngine, type EngineHarness } from '../data/engines';
import { contentSnapshot, ids } from '../data/helpers';

const editor = { id: 'user-1', name: 'Eva Editor' };
const colleague = { id: 'user-2', name: 'Karel Collega' };
const minutes = (count: number) => new Date(FIXTURE_NOW.getTime() + count * 60_000);

/** The fields the desk's form sends for a new Dutch article. */
const draftFields = {
  locale: 'nl',
  slug: 'nieuw-stuk',
  title: 'Nieuw stuk over de klassieker',
  intro: 'Een korte inleiding.',
  section: 'voetbal',
  authors: ['jan-de-vries'],
  tags: ['Ajax', 'Nieuwe tag'],
  body: [
    { type: 'paragraph', text: 'Eerste alinea.' },
    { type: 'video', provider: 'youtube', id: 'dQw4w9WgXcQ', title: 'Samenvatting' },
  ],
};

async function fixtureDatabase(harness: EngineHarness): Promise<Database> {
  const database = await harness.fresh();
  await applyContent(database, contentFixture, { now: FIXTURE_NOW });
  return database;
}

function expectOk(outcome: SaveOutcome): Extract<SaveOutcome, { ok: true }> {
  if (!outcome.ok) throw new Error(`expected a successful write, got ${JSON.stringify(outcome.problems)}`);
  return outcome;
}

async function createDraft(database: Database, fields: Record<string, unknown> = draftFields, now = FIXTURE_NOW) {
  return expectOk(await saveArticle(database, { article: fields, substantive: false, user: editor, now }));
}

/** The form's view of a stored article, as the desk would send it back. */
async function formOf(database: Database, id: string): Promise<ArticleInput & { id?: string }> {
  const desk = await getDeskArticle(database, id);
  if (desk === null) throw new Error(`no article ${id}`);
  return desk.input;
}

describeEachEngine('desk: saving articles', (harness) => {
  it('creates a draft with a new id, revision 1 by its author, and only its own cache tag (nothing public changed)', async () => {
    const database = await fixtureDatabase(harness);
    const outcome = await createDraft(database);
    expect(outcome).toMatchObject({ locale: 'nl', slug: 'nieuw-stuk', revision: 1, tags: [`article:${outcome.id}`] });
    expect(outcome.id).toMatch(/^[0-9a-f-]{36}$/);

    const desk = await getDeskArticle(database, outcome.id);
    expect(desk).toMatchObject({ revision: 1, editedAt: FIXTURE_NOW.toISOString(), editedBy: 'Eva Editor' });
    expect(desk?.article).toMatchObject({ status: 'draft', publishedAt: null, updatedAt: FIXTURE_NOW.toISOString() });
    expect(desk?.article.tags.map((tag) => tag.name)).toEqual(['Ajax', 'Nieuwe tag']);
    await expect(getPublicArticle(database, 'nl', 'nieuw-stuk', minutes(60))).resolves.toBeNull();

    const [revision] = await listRevisions(database, outcome.id);
    expect(revision).toEqual({
      number: 1,
      createdAt: FIXTURE_NOW.toISOString(),
      userName: 'Eva Editor',
      status: 'draft',
      title: 'Nieuw stuk over de klassieker',
      slug: 'nieuw-stuk',
      substantive: false,
      note: 'created',
    });
  });

  it.each([
    ['an empty', ''],
    ['a blank', ' \n '],
  ])('stores %s intro as none: left out of the article, its revision and the form', async (_name, intro) => {
    const database = await fixtureDatabase(harness);
    const created = await createDraft(database, { ...draftFields, intro });
    const desk = await getDeskArticle(database, created.id);
    expect(desk?.article.intro).toBeNull();
    expect(desk?.input).not.toHaveProperty('intro');
    expect((await getRevision(database, created.id, 1))?.input).not.toHaveProperty('intro');

    // Clearing an intro the article had works the same way.
    const withIntro = expectOk(await saveArticle(database, { id: created.id, article: { ...draftFields, intro: 'Nu wel een inleiding.' }, substantive: false, user: editor, now: minutes(1) }));
    expect((await getDeskArticle(database, withIntro.id))?.article.intro).toBe('Nu wel een inleiding.');
    expectOk(await saveArticle(database, { id: created.id, article: { ...draftFields, intro }, substantive: false, user: editor, now: minutes(2) }));
    expect((await getDeskArticle(database, created.id))?.article.intro).toBeNull();
  });

  it('ignores the status, updatedAt, id and slug history a form may send: the server decides those', async () => {
    const database = await fixtureDatabase(harness);
    const outcome = await createDraft(database, {
      ...draftFields,
      id: 'nl-klassieker',
      status: 'published',
      publishedAt: '2024-04-01T10:00:00Z',
      updatedAt: '2030-01-01T00:00:00Z',
      previousSlugs: ['ajax-wint'],
    });
    expect(outcome.id).not.toBe('nl-klassieker');
    const desk = await getDeskArticle(database, outcome.id);
    expect(desk?.article).toMatchObject({ status: 'draft', previousSlugs: [], publishedAt: '2024-04-01T10:00:00.000Z', updatedAt: '2024-04-01T10:00:00.000Z' });
    await expect(getPublicArticle(database, 'nl', 'ajax-wint', FIXTURE_NOW)).resolves.toMatchObject({ kind: 'moved', slug: 'ajax-wint-klassieker' });
  });

  it.each([
    ['an empty title', { title: '   ' }, 'title', 'must not be empty'],
    ['an empty paragraph', { body: [{ type: 'paragraph', text: '' }] }, 'body[0].text', 'must not be empty'],
    ['an unknown section', { section: 'hockey' }, 'section', 'unknown section "hockey" for nl'],
    ['an unknown author', { authors: ['niemand'] }, 'authors[0]', 'unknown author "niemand"'],
    ['a bad slug', { slug: 'Hallo Wereld' }, 'slug', 'lowercase-kebab'],
    ['another article’s slug', { slug: 'verstappen' }, 'slug', 'already belongs to article "nl-verstappen"'],
    ['another article’s earlier slug', { slug: 'ajax-wint' }, 'slug', 'already belongs to article "nl-klassieker"'],
    ['an unsafe link', { body: [{ type: 'paragraph', text: '[klik](javascript:alert(1))' }] }, 'body[0].text', 'unsafe link'],
    ['a bad video id', { body: [{ type: 'video', provider: 'youtube', id: 'x', title: 'T' }] }, 'body[0].id', '11-character'],
    ['an unknown field', { colour: 'red' }, ARTICLE_PATH, 'unknown field "colour"'],
  ])('refuses %s with a problem at its field and writes nothing', async (_case, change, path, message) => {
    const database = await fixtureDatabase(harness);
    const before = await contentSnapshot(database);
    const outcome = await saveArticle(database, { article: { ...draftFields, ...change }, substantive: false, user: editor, now: FIXTURE_NOW });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.conflict).toBeUndefined();
    expect(outcome.problems).toContainEqual({ path, message: expect.stringContaining(message) });
    expect(await contentSnapshot(database)).toBe(before);
  });

  it('reports every problem of a form at once, each relative to the article', async () => {
    const database = await fixtureDatabase(harness);
    const outcome = await saveArticle(database, {
      article: { ...draftFields, title: '', intro: 'x'.repeat(601), authors: [], body: [] },
      substantive: false,
      user: editor,
      now: FIXTURE_NOW,
    });
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.problems.map((problem) => problem.path).sort()).toEqual(['authors', 'body', 'intro', 'title']);
  });

  it('stores hostile text as the text it is', async () => {
    const database = await fixtureDatabase(harness);
    const hostile = '<script>alert("x")</script> & <img src=x onerror=alert(1)>';
    const outcome = await createDraft(database, { ...draftFields, title: hostile, body: [{ type: 'paragraph', text: hostile }] });
    const desk = await getDeskArticle(database, outcome.id);
    expect(desk?.article.title).toBe(hostile);
    expect(desk?.article.body).toEqual([{ type: 'paragraph', text: hostile }]);
  });

  it('keeps updatedAt on a plain save and moves it to now on a substantive one, with a revision each', async () => {
    const database = await fixtureDatabase(harness);
    const id = 'nl-klassieker';
    const stored = fixtureArticle(id);
    const typo = expectOk(await saveArticle(database, { id, article: { ...(await formOf(database, id)), title: 'Ajax wint de klassieker tegen Feyenoord!' }, substantive: false, user: editor, now: minutes(10) }));
    expect(typo).toMatchObject({ revision: 1 });
    expect(typo.tags).toEqual(expect.arrayContaining(['listings:nl', 'slug:nl:ajax-wint', 'slug:nl:ajax-wint-klassieker', `article:${id}`]));
    const afterTypo = await getPublicArticle(database, 'nl', stored.slug, minutes(10));
    expect(afterTypo?.kind === 'article' && afterTypo.article.updatedAt).toBe('2024-04-30T20:15:00.000Z');

    const substantive = expectOk(await saveArticle(database, { id, article: { ...(await formOf(database, id)), intro: 'Nieuwe feiten.' }, substantive: true, user: colleague, now: minutes(20) }));
    expect(substantive.revision).toBe(2);
    const afterUpdate = await getPublicArticle(database, 'nl', stored.slug, minutes(20));
    expect(afterUpdate?.kind === 'article' && afterUpdate.article.updatedAt).toBe(minutes(20).toISOString());

    expect((await listRevisions(database, id)).map((revision) => [revision.number, revision.userName, revision.substantive])).toEqual([
      [2, 'Karel Collega', true],
      [1, 'Eva Editor', false],
    ]);
    await expect(getDeskArticle(database, id)).resolves.toMatchObject({ editedAt: minutes(20).toISOString(), editedBy: 'Karel Collega', revision: 2 });
  });

  it('keeps the old slug redirecting when a published article gets a new one, and may take an earlier slug of its own back', async () => {
    const database = await fixtureDatabase(harness);
    const id = 'nl-klassieker';
    expectOk(await saveArticle(database, { id, article: { ...(await formOf(database, id)), slug: 'ajax-verslaat-feyenoord' }, substantive: false, user: editor, now: minutes(1) }));
    await expect(getPublicArticle(database, 'nl', 'ajax-wint-klassieker', minutes(1))).resolves.toEqual({ kind: 'moved', slug: 'ajax-verslaat-feyenoord' });
    await expect(getPublicArticle(database, 'nl', 'ajax-wint', minutes(1))).resolves.toEqual({ kind: 'moved', slug: 'ajax-verslaat-feyenoord' });

    expectOk(await saveArticle(database, { id, article: { ...(await formOf(database, id)), slug: 'ajax-wint' }, substantive: false, user: editor, now: minutes(2) }));
    const back = await getPublicArticle(database, 'nl', 'ajax-wint', minutes(2));
    expect(back?.kind === 'article' && back.article.previousSlugs).toEqual(['ajax-verslaat-feyenoord', 'ajax-wint-klassieker']);
  });

  it('refuses to move an article to another locale', async () => {
    const database = await fixtureDatabase(harness);
    const outcome = await saveArticle(database, { id: 'nl-klassieker', article: { ...(await formOf(database, 'nl-klassieker')), locale: 'en' }, substantive: false, user: editor, now: FIXTURE_NOW });
    expect(outcome).toEqual({ ok: false, problems: [{ path: 'locale', message: expect.stringContaining('cannot change locale') }] });
  });

  it('answers a problem, not an exception, for an unknown id or a non-object', async () => {
    const database = await fixtureDatabase(harness);
    await expect(saveArticle(database, { id: 'nope-nope', article: draftFields, substantive: false, user: editor })).resolves.toMatchObject({ ok: false, problems: [{ path: ARTICLE_PATH }] });
    await expect(saveArticle(database, { article: 'title=x', substantive: false, user: editor })).resolves.toMatchObject({ ok: false, problems: [{ path: ARTICLE_PATH }] });
  });

  it('refuses a save based on an older revision as a conflict and writes nothing; the current base passes', async () => {
    const database = await fixtureDatabase(harness);
    const created = await createDraft(database);
    const form = await formOf(database, created.id);
    expectOk(await saveArticle(database, { id: created.id, article: { ...form, intro: 'Door een collega.' }, substantive: false, user: colleague, baseRevision: 1, now: minutes(1) }));

    const before = await contentSnapshot(database);
    const stale = await saveArticle(database, { id: created.id, article: { ...form, intro: 'Mijn versie.' }, substantive: false, user: editor, baseRevision: 1, now: minutes(2) });
    expect(stale).toMatchObject({ ok: false, conflict: true, problems: [{ path: ARTICLE_PATH }] });
    expect(await contentSnapshot(database)).toBe(before);
    expect(await listRevisions(database, created.id)).toHaveLength(2);

    expectOk(await saveArticle(database, { id: created.id, article: { ...form, intro: 'Mijn versie.' }, substantive: false, user: editor, baseRevision: 2, now: minutes(3) }));
  });

  it('writes no revision when nothing changed', async () => {
    const database = await fixtureDatabase(harness);
    const created = await createDraft(database);
    const again = expectOk(await saveArticle(database, { id: created.id, article: await formOf(database, created.id), substantive: false, user: editor, now: minutes(5) }));
    expect(again).toMatchObject({ revision: 1, tags: [] });
    expect(await listRevisions(database, created.id)).toHaveLength(1);
  });

  it('keeps writes of a new article and its revision together: both or neither', async () => {
    const database = await fixtureDatabase(harness);
    const first = await createDraft(database);
    // The same slug for a second article is refused before the write, so no orphan revision appears.
    const second = await saveArticle(database, { article: draftFields, substantive: false, user: editor, now: minutes(1) });
    expect(second).toMatchObject({ ok: false, problems: [{ path: 'slug' }] });
    const list = await listDeskArticles(database, { query: 'nieuw-stuk' }, minutes(1));
    expect(ids(list.items)).toEqual([first.id]);
  });
});

describeEachEngine('desk: publication', (harness) => {
  it('publishes a draft now: public on its URL, in listings, with revalidation tags and a revision', async () => {
    const database = await fixtureDatabase(harness);
    const created = await createDraft(database);
    const outcome = expectOk(await changePublication(database, { id: created.id, action: { kind: 'publish' }, user: editor, now: minutes(30) }));
    expect(outcome.revision).toBe(2);
    expect(outcome.tags).toEqual(expect.arrayContaining(['listings:nl', 'slug:nl:nieuw-stuk', `article:${created.id}`, 'taxonomy']));
    const page = await getPublicArticle(database, 'nl', 'nieuw-stuk', minutes(30));
    // Its last edit (the draft, at 12:00) came before publication: no update for readers to see.
    expect(page?.kind === 'article' && page.article).toMatchObject({ publishedAt: minutes(30).toISOString(), updatedAt: FIXTURE_NOW.toISOString() });
    expect(page?.kind === 'article' && shownUpdate(page.article)).toBeNull();
    const latest = await listPublicArticles(database, { locale: 'nl', limit: 3, now: minutes(30) });
    expect(latest.items[0]?.id).toBe(created.id);
    const byAuthor = await listPublicArticles(database, { locale: 'nl', author: 'jan-de-vries', limit: 1, now: minutes(30) });
    expect(byAuthor.items[0]?.id).toBe(created.id);
    expect((await listRevisions(database, created.id))[0]).toMatchObject({ number: 2, note: 'published', status: 'published', userName: 'Eva Editor' });
  });

  it('shows no update after a reschedule to earlier: an edit before publication is no update, whatever the schedule was', async () => {
    const database = await fixtureDatabase(harness);
    const created = await createDraft(database);
    expectOk(await changePublication(database, { id: created.id, action: { kind: 'schedule', at: minutes(120) }, user: editor, now: minutes(1) }));
    // A substantive edit while scheduled, then the editor brings publication forward.
    const form = await formOf(database, created.id);
    expectOk(await saveArticle(database, { id: created.id, article: { ...form, title: 'Bijgewerkte kop' }, substantive: true, user: editor, now: minutes(5) }));
    expectOk(await changePublication(database, { id: created.id, action: { kind: 'schedule', at: minutes(60) }, user: editor, now: minutes(6) }));
    await expect(publishDueArticles(database, minutes(60))).resolves.toMatchObject({ published: [{ id: created.id }] });
    const page = await getPublicArticle(database, 'nl', 'nieuw-stuk', minutes(60));
    expect(page?.kind === 'article' && page.article).toMatchObject({ publishedAt: minutes(60).toISOString(), updatedAt: minutes(5).toISOString() });
    expect(page?.kind === 'article' && shownUpdate(page.article)).toBeNull();

    // A substantive edit after publication is an update.
    const live = await formOf(database, created.id);
    expectOk(await saveArticle(database, { id: created.id, article: { ...live, title: 'Kop na publicatie' }, substantive: true, user: editor, now: minutes(75) }));
    const updated = await getPublicArticle(database, 'nl', 'nieuw-stuk', minutes(75));
    expect(updated?.kind === 'article' && shownUpdate(updated.article)).toBe(minutes(75).toISOString());
  });

  it('keeps a stored publication time that has passed when publishing', async () => {
    const database = await fixtureDatabase(harness);
    const created = await createDraft(database, { ...draftFields, publishedAt: '2024-04-01T08:00:00Z' });
    expectOk(await changePublication(database, { id: created.id, action: { kind: 'publish' }, user: editor, now: FIXTURE_NOW }));
    const page = await getPublicArticle(database, 'nl', 'nieuw-stuk', FIXTURE_NOW);
    expect(page?.kind === 'article' && page.article.publishedAt).toBe('2024-04-01T08:00:00.000Z');
  });

  it('schedules only in the future; a scheduled article stays hidden and is listed as scheduled', async () => {
    const database = await fixtureDatabase(harness);
    const created = await createDraft(database);
    await expect(changePublication(database, { id: created.id, action: { kind: 'schedule', at: minutes(-1) }, user: editor, now: FIXTURE_NOW })).resolves.toEqual({
      ok: false,
      problems: [{ path: 'publishedAt', message: expect.stringContaining('future') }],
    });
    const scheduled = expectOk(await changePublication(database, { id: created.id, action: { kind: 'schedule', at: minutes(90) }, user: editor, now: FIXTURE_NOW }));
    expect(scheduled.tags).toEqual([`article:${created.id}`]);
    await expect(getPublicArticle(database, 'nl', 'nieuw-stuk', minutes(100))).resolves.toBeNull();
    const row = (await listDeskArticles(database, { query: 'nieuw-stuk' }, FIXTURE_NOW)).items[0];
    expect(row).toMatchObject({ status: 'scheduled', publishedAt: minutes(90).toISOString() });
    expect((await listRevisions(database, created.id))[0]?.note).toBe(`scheduled for ${minutes(90).toISOString()}`);
  });

  it('unpublishes: gone from its URL and listings, its publication time kept', async () => {
    const database = await fixtureDatabase(harness);
    const outcome = expectOk(await changePublication(database, { id: 'nl-feyenoord-baalt', action: { kind: 'unpublish' }, user: editor, now: FIXTURE_NOW }));
    expect(outcome.tags).toEqual(expect.arrayContaining(['listings:nl', 'article:nl-feyenoord-baalt']));
    await expect(getPublicArticle(database, 'nl', 'feyenoord-baalt-na-verlies', FIXTURE_NOW)).resolves.toBeNull();
    const latest = await listPublicArticles(database, { locale: 'nl', limit: 20, now: FIXTURE_NOW });
    expect(ids(latest.items)).not.toContain('nl-feyenoord-baalt');
    const bySection = await listPublicArticles(database, { locale: 'nl', author: 'sanne-bakker', limit: 20, now: FIXTURE_NOW });
    expect(ids(bySection.items)).not.toContain('nl-feyenoord-baalt');
    await expect(getDeskArticle(database, 'nl-feyenoord-baalt')).resolves.toMatchObject({ article: { status: 'draft', publishedAt: '2024-04-30T21:00:00.000Z' } });
  });

  it('a save leaves the publication status alone', async () => {
    const database = await fixtureDatabase(harness);
    const form = await formOf(database, 'nl-feyenoord-baalt');
    expectOk(await saveArticle(database, { id: 'nl-feyenoord-baalt', article: { ...form, status: 'draft', title: 'Nieuwe kop' }, substantive: false, user: editor, now: FIXTURE_NOW }));
    const page = await getPublicArticle(database, 'nl', 'feyenoord-baalt-na-verlies', FIXTURE_NOW);
    expect(page?.kind === 'article' && page.article.title).toBe('Nieuwe kop');
  });
});

describeEachEngine('desk: revisions', (harness) => {
  it('restores an older revision’s content as a new revision, keeping status and publication time', async () => {
    const database = await fixtureDatabase(harness);
    const created = await createDraft(database);
    const form = await formOf(database, created.id);
    expectOk(await saveArticle(database, { id: created.id, article: { ...form, title: 'Tweede kop', slug: 'tweede-kop', body: [{ type: 'paragraph', text: 'Anders.' }] }, substantive: false, user: editor, now: minutes(1) }));
    expectOk(await changePublication(database, { id: created.id, action: { kind: 'publish' }, user: editor, now: minutes(2) }));

    const restored = expectOk(await restoreRevision(database, { id: created.id, number: 1, user: colleague, now: minutes(3) }));
    expect(restored).toMatchObject({ revision: 4, slug: 'nieuw-stuk' });
    expect(restored.tags).toContain('listings:nl');
    const page = await getPublicArticle(database, 'nl', 'nieuw-stuk', minutes(3));
    expect(page?.kind === 'article' && page.article).toMatchObject({
      title: 'Nieuw stuk over de klassieker',
      status: 'published',
      publishedAt: minutes(2).toISOString(),
      // Never a substantive save, so still the draft's time, before publication.
      updatedAt: FIXTURE_NOW.toISOString(),
      body: draftFields.body,
    });
    await expect(getPublicArticle(database, 'nl', 'tweede-kop', minutes(3))).resolves.toEqual({ kind: 'moved', slug: 'nieuw-stuk' });

    const history = await listRevisions(database, created.id);
    expect(history.map((revision) => [revision.number, revision.note, revision.status, revision.title])).toEqual([
      [4, 'restored revision 1', 'published', 'Nieuw stuk over de klassieker'],
      [3, 'published', 'published', 'Tweede kop'],
      [2, null, 'draft', 'Tweede kop'],
      [1, 'created', 'draft', 'Nieuw stuk over de klassieker'],
    ]);
    const second = await getRevision(database, created.id, 2);
    expect(second?.input).toMatchObject({ title: 'Tweede kop', slug: 'tweede-kop', body: [{ type: 'paragraph', text: 'Anders.' }] });
    await expect(getRevision(database, created.id, 99)).resolves.toBeNull();
    await expect(getRevision(database, created.id, 0)).resolves.toBeNull();
  });

  it('restores a revision whose slug the article left (its history keeps the slug its own), and refuses an unknown revision', async () => {
    const database = await fixtureDatabase(harness);
    const created = await createDraft(database);
    expectOk(await saveArticle(database, { id: created.id, article: { ...(await formOf(database, created.id)), slug: 'ander-stuk' }, substantive: false, user: editor, now: minutes(1) }));
    // History keeps "nieuw-stuk" for this article, so no one else can take it: the restore works.
    await expect(createDraft(database, { ...draftFields, title: 'Een ander' })).rejects.toThrow(/already belongs to article/);
    await expect(restoreRevision(database, { id: created.id, number: 1, user: editor, now: minutes(2) })).resolves.toMatchObject({ ok: true, slug: 'nieuw-stuk' });
    await expect(restoreRevision(database, { id: created.id, number: 7, user: editor })).resolves.toMatchObject({ ok: false, problems: [{ path: ARTICLE_PATH }] });
  });
});

describeEachEngine('desk: the article list', (harness) => {
  let database: Database;
  let newest: string;
  beforeAll(async () => {
    database = await fixtureDatabase(harness);
    newest = (await createDraft(database, draftFields, minutes(5))).id;
  });

  async function walk(options: DeskListOptions, limit: number): Promise<DeskListItem[][]> {
    const pages: DeskListItem[][] = [];
    let cursor: string | null = null;
    do {
      const page = await listDeskArticles(database, { ...options, cursor, limit }, FIXTURE_NOW);
      pages.push(page.items);
      cursor = page.nextCursor;
    } while (cursor !== null && pages.length < 100);
    return pages;
  }

  it('lists every article of every status, last edited first, then by id descending', async () => {
    const page = await listDeskArticles(database, {}, FIXTURE_NOW);
    expect(page.total).toBe(contentFixture.articles.length + 1);
    expect(page.items[0]).toMatchObject({ id: newest, status: 'draft', editedBy: 'Eva Editor', editedAt: minutes(5).toISOString(), authors: [{ slug: 'jan-de-vries', name: 'Jan de Vries' }], section: { slug: 'voetbal', name: 'Voetbal' } });
    const rest = ids(page.items.slice(1));
    expect(rest).toEqual([...rest].sort().reverse());
  });

  it('walks all pages by cursor without gaps or repeats', async () => {
    const pages = await walk({}, 4);
    const all = pages.flat();
    expect(new Set(ids(all)).size).toBe(all.length);
    expect(all).toHaveLength(contentFixture.articles.length + 1);
    expect(pages.slice(0, -1).every((items) => items.length === 4)).toBe(true);
  });

  it.each([
    ['draft', ['nl-embargo', 'nl-concept', 'en-draft']],
    ['scheduled', ['nl-toekomst', 'nl-gepland']],
  ] as const)('filters on status %s (a published article with a future time counts as scheduled)', async (status, expected) => {
    const page = await listDeskArticles(database, { status, locale: status === 'scheduled' ? 'nl' : undefined }, FIXTURE_NOW);
    expect(ids(page.items).filter((id) => id !== newest)).toEqual(expected);
    expect(page.items.every((item) => item.status === status)).toBe(true);
  });

  it('filters on published, locale, section and a search, and counts the matches', async () => {
    const published = await listDeskArticles(database, { status: 'published', locale: 'en' }, FIXTURE_NOW);
    expect(published.items.every((item) => item.status === 'published' && item.locale === 'en')).toBe(true);
    expect(published.total).toBe(published.items.length);

    const cycling = await listDeskArticles(database, { section: 'wielrennen' }, FIXTURE_NOW);
    expect(ids(cycling.items).sort()).toEqual(['nl-ajax-fans-fietsen', 'nl-gelijk-a', 'nl-gelijk-b', 'nl-tour-video']);

    const search = await listDeskArticles(database, { query: 'KLASSIEKER', locale: 'nl' }, FIXTURE_NOW);
    expect(ids(search.items)).toEqual(expect.arrayContaining([newest, 'nl-klassieker', 'nl-gepland', 'nl-toekomst']));
    expect(search.total).toBe(search.items.length);

    await expect(listDeskArticles(database, { query: '100%_' }, FIXTURE_NOW)).resolves.toMatchObject({ items: [], total: 0 });
    await expect(listDeskArticles(database, { query: 'verstappen', locale: 'nl' }, FIXTURE_NOW)).resolves.toMatchObject({ total: 1 });
  });

  it('refuses a cursor it did not make', async () => {
    await expect(listDeskArticles(database, { cursor: 'bm9wZQ' }, FIXTURE_NOW)).rejects.toThrow(InvalidCursorError);
  });

  it.each([
    ['a free title', 'Verstappen wint weer', undefined, 'verstappen-wint-weer'],
    ['a taken slug', 'Verstappen', undefined, 'verstappen-2'],
    ['an earlier slug of another article', 'Ajax wint', undefined, 'ajax-wint-2'],
    ['the article’s own slug', 'Verstappen', 'nl-verstappen', 'verstappen'],
    ['a title without letters', '!!!', undefined, ''],
  ])('suggests a slug for %s', async (_case, title, excludeId, expected) => {
    await expect(suggestSlug(database, 'nl', title, excludeId)).resolves.toBe(expected);
  });

  it('suggests the next free number when several are taken', async () => {
    const own = await fixtureDatabase(harness);
    await createDraft(own, { ...draftFields, slug: 'verstappen-2', title: 'Twee' });
    await expect(suggestSlug(own, 'nl', 'Verstappen')).resolves.toBe('verstappen-3');
    // Slugs are unique per locale: the English side is free.
    await expect(suggestSlug(own, 'nl', 'Giro etappe een')).resolves.toBe('giro-etappe-een-2');
    await expect(suggestSlug(own, 'en', 'Giro etappe een')).resolves.toBe('giro-etappe-een');
  });
});

describeEachEngine('desk: publications in the audit trail', (harness) => {
  it('records a publication and a take-down with who did it, and not a schedule or the unpublishing of a draft', async () => {
    const database = await fixtureDatabase(harness);
    const restore = captureAuditLog(() => undefined);
    try {
      const account = await createUser(database, { email: 'eva@example.test', name: 'Eva Editor', role: 'editor', password: 'zeven ijsvogels op een rij' }, { now: FIXTURE_NOW });
      const by = { id: account.id, name: account.name };
      const created = await createDraft(database);
      expectOk(await changePublication(database, { id: created.id, action: { kind: 'schedule', at: minutes(90) }, user: by, now: minutes(1) }));
      expectOk(await changePublication(database, { id: created.id, action: { kind: 'unpublish' }, user: by, now: minutes(2) }));
      expectOk(await changePublication(database, { id: created.id, action: { kind: 'publish' }, user: by, now: minutes(3) }));
      expectOk(await changePublication(database, { id: created.id, action: { kind: 'unpublish' }, user: by, now: minutes(4) }));
      const page = await listAuditEvents(database, {});
      expect(page.entries.map((entry) => [entry.type, entry.articleId, entry.actor?.email])).toEqual([
        ['article.taken-down', created.id, 'eva@example.test'],
        ['article.published', created.id, 'eva@example.test'],
      ]);
      expect(page.entries[0]?.details).toMatchObject({ locale: 'nl', slug: 'nieuw-stuk', via: 'desk' });

      // A publication on schedule has no actor: the scheduler did it.
      expectOk(await changePublication(database, { id: created.id, action: { kind: 'schedule', at: minutes(60) }, user: by, now: minutes(5) }));
      await publishDueArticles(database, minutes(61));
      const scheduled = await listAuditEvents(database, { type: 'article.published', limit: 1 });
      expect(scheduled.entries[0]).toMatchObject({ articleId: created.id, actor: null, details: { locale: 'nl', via: 'scheduler' } });
    } finally {
      restore();
    }
  });
});
