/**
 * Revocable share links (lib/data/share-links.ts, lib/preview/shared-article.ts), on both engines:
 * a signed link opens only while its record is active; the desk revokes one or all; taking an
 * article down (from the desk, by an import, by rescheduling it into the future) revokes its links
 * in the same write. The clock is pinned; every test has a database of its own.
 */
import { changePublication } from '@/lib/desk/articles/publication';
import {
  isShareLinkActive,
  listActiveShareLinks,
  listShareLinks,
  revokeArticleShareLinks,
  revokeShareLink,
  shareLinkId,
  countShareLinksRevokedAt,
} from '@/lib/data/share-links';
import { applyContent } from '@/lib/data/write';
import type { Database } from '@/lib/db/connection';
import { buildShareLink, issueShareLink } from '@/lib/preview/links';
import { resolveSharedPreview } from '@/lib/preview/shared-article';
import { contentFixture, FIXTURE_NOW, fixtureArticle } from '../fixtures/content';
import { describeEachEngine } from '../data/engines';

const SECRET = 's'.repeat(48);
const SITE = 'https://sport.example';
const HOUR = 3_600_000;
const editor = { id: 'user-1', name: 'Eva Editor' };
const colleague = { id: 'user-2', name: 'Karel Collega' };
const later = (ms: number) => new Date(FIXTURE_NOW.getTime() + ms);

const LIVE = { id: 'nl-klassieker', locale: 'nl' } as const;
const DRAFT = { id: 'nl-concept', locale: 'nl' } as const;
const NOT_YET_LIVE = { id: 'nl-toekomst', locale: 'nl' } as const;

const tokenOf = (url: string) => new URL(url).pathname.split('/').at(-1) ?? '';

describeEachEngine('share links', (harness) => {
  let database: Database;
  beforeEach(async () => {
    database = await harness.fresh();
    await applyContent(database, contentFixture, { now: FIXTURE_NOW });
  });

  const issue = (article: { id: string; locale: 'nl' | 'en' }, options: { by?: typeof editor | null; ttlMs?: number; now?: Date } = {}) =>
    issueShareLink(database, article, {
      ttlMs: options.ttlMs ?? 24 * HOUR,
      now: options.now ?? FIXTURE_NOW,
      secret: SECRET,
      siteUrl: SITE,
      createdBy: options.by === undefined ? editor : options.by,
    });
  const open = (url: string, now = later(60_000)) => resolveSharedPreview(database, tokenOf(url), SECRET, now);

  it('opens a recorded link, and lists it with who made it and when it expires', async () => {
    const link = await issue(DRAFT);
    expect(await open(link.url)).toMatchObject({ kind: 'article', article: { id: DRAFT.id }, expiresAt: link.expiresAt });
    expect(await listActiveShareLinks(database, DRAFT.id, later(60_000))).toEqual([
      {
        id: link.id,
        articleId: DRAFT.id,
        createdAt: FIXTURE_NOW.toISOString(),
        expiresAt: link.expiresAt,
        createdByName: 'Eva Editor',
        revokedAt: null,
        revokedByName: null,
        revokeReason: null,
      },
    ]);
  });

  it('keeps the hash of the token, never the token', async () => {
    const link = await issue(DRAFT);
    const token = tokenOf(link.url);
    const rows = await database.db.selectFrom('share_links').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(JSON.stringify(rows)).not.toContain(token);
    expect(JSON.stringify(rows)).not.toContain(token.split('.').at(-1));
    expect(rows[0]?.token_hash).toBe(shareLinkId(token));
  });

  it('refuses a correctly signed link that was never recorded', async () => {
    const unrecorded = buildShareLink(DRAFT, { ttlMs: HOUR, now: FIXTURE_NOW, secret: SECRET, siteUrl: SITE });
    expect(await open(unrecorded.url)).toEqual({ kind: 'refused' });
  });

  it('refuses a recorded link past its expiry and no longer lists it', async () => {
    const link = await issue(DRAFT, { ttlMs: HOUR });
    expect(await open(link.url, later(HOUR))).toEqual({ kind: 'refused' });
    expect(await listActiveShareLinks(database, DRAFT.id, later(HOUR))).toEqual([]);
    expect(await revokeShareLink(database, { articleId: DRAFT.id, id: link.id, by: editor, now: later(HOUR) })).toBe(false);
  });

  it('revokes one link: it stops opening, the others keep working', async () => {
    const first = await issue(DRAFT, { by: editor });
    const second = await issue(DRAFT, { by: colleague, now: later(1000) });
    expect(await revokeShareLink(database, { articleId: DRAFT.id, id: first.id, by: colleague, now: later(5000) })).toBe(true);
    expect(await open(first.url)).toEqual({ kind: 'refused' });
    expect(await open(second.url)).toMatchObject({ kind: 'article' });
    expect((await listActiveShareLinks(database, DRAFT.id, later(60_000))).map((link) => link.id)).toEqual([second.id]);
    expect((await listShareLinks(database, DRAFT.id)).find((link) => link.id === first.id)).toMatchObject({
      revokedAt: later(5000).toISOString(),
      revokedByName: 'Karel Collega',
      revokeReason: 'revoked',
    });
    // Revoking it again, or under another article, changes nothing.
    expect(await revokeShareLink(database, { articleId: DRAFT.id, id: first.id, by: editor, now: later(6000) })).toBe(false);
    expect(await revokeShareLink(database, { articleId: LIVE.id, id: second.id, by: editor, now: later(6000) })).toBe(false);
    expect(await revokeShareLink(database, { articleId: DRAFT.id, id: 'not-an-id', by: editor, now: later(6000) })).toBe(false);
    expect(await open(second.url)).toMatchObject({ kind: 'article' });
  });

  it('revokes all of an article’s links and no other article’s', async () => {
    const links = [await issue(DRAFT), await issue(DRAFT, { by: null, ttlMs: 2 * HOUR }), await issue(DRAFT, { by: colleague, ttlMs: 3 * HOUR })];
    const other = await issue(LIVE);
    expect(await revokeArticleShareLinks(database.db, { articleId: DRAFT.id, byName: 'Eva Editor', reason: 'revoked', now: later(1000) })).toBe(3);
    for (const link of links) expect(await open(link.url)).toEqual({ kind: 'refused' });
    expect(await listActiveShareLinks(database, DRAFT.id, later(60_000))).toEqual([]);
    expect(await open(other.url)).toMatchObject({ kind: 'article', article: { id: LIVE.id } });
    // A link made afterwards works: revocation is of the links that existed.
    const fresh = await issue(DRAFT, { now: later(2000) });
    expect(await open(fresh.url)).toMatchObject({ kind: 'article' });
  });

  it('two links made in the same second are two links, and revoking one leaves the other', async () => {
    const mine = await issue(DRAFT);
    const theirs = await issue(DRAFT, { by: colleague });
    expect(theirs.url).not.toBe(mine.url);
    // The later one expires a second earlier: the same article and expiry would sign the same token.
    expect(Date.parse(theirs.expiresAt)).toBe(Date.parse(mine.expiresAt) - 1000);
    expect((await listActiveShareLinks(database, DRAFT.id, FIXTURE_NOW)).map((link) => link.createdByName).sort()).toEqual(['Eva Editor', 'Karel Collega']);
    expect(await revokeShareLink(database, { articleId: DRAFT.id, id: mine.id, by: editor, now: later(1000) })).toBe(true);
    expect(await open(mine.url)).toEqual({ kind: 'refused' });
    expect(await open(theirs.url)).toMatchObject({ kind: 'article' });
  });

  it('a link to a live article is revoked when the desk takes the article down, and stays revoked after republishing', async () => {
    const link = await issue(LIVE);
    expect(await open(link.url)).toMatchObject({ kind: 'article' });
    const outcome = await changePublication(database, { id: LIVE.id, action: { kind: 'unpublish' }, user: editor, now: later(30_000) });
    expect(outcome.ok).toBe(true);
    expect(await open(link.url)).toEqual({ kind: 'refused' });
    expect(await countShareLinksRevokedAt(database, { articleId: LIVE.id, reason: 'taken-down', at: later(30_000) })).toBe(1);
    expect(await listShareLinks(database, LIVE.id)).toEqual([expect.objectContaining({ revokeReason: 'taken-down', revokedByName: 'Eva Editor' })]);

    await changePublication(database, { id: LIVE.id, action: { kind: 'publish' }, user: editor, now: later(40_000) });
    expect(await open(link.url, later(50_000))).toEqual({ kind: 'refused' });
  });

  it('an import that takes a live article down revokes its links too', async () => {
    const link = await issue(LIVE);
    await applyContent(database, { articles: [{ ...fixtureArticle(LIVE.id), status: 'draft' }] }, { now: later(30_000) });
    expect(await open(link.url)).toEqual({ kind: 'refused' });
    expect(await listShareLinks(database, LIVE.id)).toEqual([expect.objectContaining({ revokeReason: 'taken-down', revokedByName: null })]);
  });

  it('rescheduling a live article into the future takes it down, and revokes its links', async () => {
    const link = await issue(LIVE);
    await changePublication(database, { id: LIVE.id, action: { kind: 'schedule', at: later(24 * HOUR) }, user: editor, now: later(30_000) });
    expect(await open(link.url)).toEqual({ kind: 'refused' });
  });

  it('unpublishing an article nobody could read yet is no take-down: its links keep working', async () => {
    const link = await issue(NOT_YET_LIVE);
    await changePublication(database, { id: NOT_YET_LIVE.id, action: { kind: 'unpublish' }, user: editor, now: later(30_000) });
    expect(await open(link.url)).toMatchObject({ kind: 'article', article: { id: NOT_YET_LIVE.id } });
    expect(await countShareLinksRevokedAt(database, { articleId: NOT_YET_LIVE.id, reason: 'taken-down', at: later(30_000) })).toBe(0);
  });

  it('an edit of a live article that leaves it live revokes nothing', async () => {
    const link = await issue(LIVE);
    await applyContent(database, { articles: [{ ...fixtureArticle(LIVE.id), title: 'Een nieuwe kop voor de klassieker' }] }, { now: later(30_000) });
    expect(await open(link.url)).toMatchObject({ kind: 'article', article: { title: 'Een nieuwe kop voor de klassieker' } });
  });

  it('checks the record against the article the token names', async () => {
    const link = await issue(DRAFT);
    const token = tokenOf(link.url);
    expect(await isShareLinkActive(database, token, DRAFT.id, later(1000))).toBe(true);
    expect(await isShareLinkActive(database, token, LIVE.id, later(1000))).toBe(false);
  });
});
