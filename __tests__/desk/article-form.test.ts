import { ArticleInputSchema, type ArticleInput } from '@/lib/content/model';
import { formatPath } from '@/lib/content/validate';
import {
  buildArticleInput,
  emptyArticleFormValues,
  placeProblems,
  readArticleForm,
  splitTags,
  valuesFromInput,
  type ArticleFormValues,
} from '@/lib/desk/article-form';

const ZONE = 'Europe/Amsterdam';

function formOf(entries: Array<[string, string]>): FormData {
  const form = new FormData();
  for (const [name, value] of entries) form.append(name, value);
  return form;
}

const article: ArticleInput = {
  locale: 'nl',
  slug: 'ajax-wint-de-klassieker',
  status: 'published',
  title: 'Ajax wint de Klassieker',
  intro: 'Een late goal beslist het duel.',
  section: 'voetbal',
  authors: ['sanne-de-vries', 'pieter-jansen'],
  tags: ['Eredivisie', 'Ajax'],
  publishedAt: '2026-03-29T12:30:00.000Z',
  leadImage: { src: '/media/0123456789abcdef0123456789abcdef.webp', alt: 'Vreugde bij Ajax', caption: 'Na de 2-1', credit: 'ANP' },
  body: [
    { type: 'paragraph', text: 'Het was **spannend** tot het einde.' },
    { type: 'heading', text: 'De tweede helft' },
    { type: 'video', provider: 'youtube', id: 'Xk3vQ9pL2aB', title: 'Samenvatting', duration: 274 },
    { type: 'quote', text: 'Wat een avond.', source: 'De trainer' },
  ],
};

describe('the article form', () => {
  it('reads every posted field verbatim, with several authors and the substantive box', () => {
    const values = readArticleForm(
      formOf([
        ['title', '  <script>alert(1)</script> '],
        ['slug', 'x'],
        ['intro', 'i'],
        ['locale', 'en'],
        ['section', 's'],
        ['authors', 'a'],
        ['authors', 'b'],
        ['tags', 'one, two'],
        ['leadImageSrc', '/media/x.webp'],
        ['publishedAt', '2026-01-10T10:00'],
        ['body', 'text'],
        ['substantive', 'on'],
      ]),
    );
    expect(values).toMatchObject({
      title: '  <script>alert(1)</script> ',
      authors: ['a', 'b'],
      tags: 'one, two',
      publishedAt: '2026-01-10T10:00',
      substantive: true,
      leadImageAlt: '',
    });
  });

  it('reads missing or file fields as empty and caps absurd lengths', () => {
    const form = new FormData();
    form.append('title', new Blob(['file']), 'x.txt');
    form.append('slug', 'a'.repeat(50_000));
    const values = readArticleForm(form);
    expect(values.title).toBe('');
    expect(values.slug).toHaveLength(1_000);
    expect(values.body).toBe('');
    expect(values.substantive).toBe(false);
  });

  it('round-trips a stored article through the form into the same input', () => {
    const values = valuesFromInput(article, ZONE);
    expect(values.publishedAt).toBe('2026-03-29T14:30');
    expect(values.tags).toBe('Eredivisie, Ajax');
    const built = buildArticleInput(values, { status: 'published', timeZone: ZONE });
    expect(built.problems).toEqual([]);
    expect(ArticleInputSchema.parse(built.article)).toEqual(article);
    expect(built.bodyLines).toEqual([1, 3, 5, 7]);
  });

  it('round-trips an article without an intro: an empty field, and none again', () => {
    const { intro: _intro, ...withoutIntro } = article;
    const values = valuesFromInput(withoutIntro, ZONE);
    expect(values.intro).toBe('');
    const built = buildArticleInput({ ...values, intro: '  ' }, { status: 'published', timeZone: ZONE });
    expect(built.article).not.toHaveProperty('intro');
    expect(ArticleInputSchema.parse(built.article)).toEqual(withoutIntro);
  });

  it('keeps the stored publication instant to the millisecond while the field still shows its minute', () => {
    const storedPublishedAt = '2026-03-29T12:30:41.754Z';
    const values = { ...valuesFromInput({ ...article, publishedAt: storedPublishedAt }, ZONE) };
    expect(values.publishedAt).toBe('2026-03-29T14:30');
    expect(buildArticleInput(values, { status: 'published', timeZone: ZONE, storedPublishedAt }).article.publishedAt).toBe(storedPublishedAt);
    // A changed field is read as typed, to the minute.
    const moved = { ...values, publishedAt: '2026-03-29T14:31' };
    expect(buildArticleInput(moved, { status: 'published', timeZone: ZONE, storedPublishedAt }).article.publishedAt).toBe('2026-03-29T12:31:00.000Z');
  });

  it('leaves optional parts out when they are empty and suggests the slug when none is typed', () => {
    const values: ArticleFormValues = { ...emptyArticleFormValues('nl'), title: 'Titel', section: 'voetbal', authors: ['a'], body: 'Tekst.' };
    const built = buildArticleInput(values, { status: 'draft', timeZone: ZONE, suggestedSlug: 'titel-2' });
    expect(built.article).toEqual({
      locale: 'nl',
      slug: 'titel-2',
      status: 'draft',
      title: 'Titel',
      section: 'voetbal',
      authors: ['a'],
      body: [{ type: 'paragraph', text: 'Tekst.' }],
    });
  });

  it('keeps a half-filled lead image so the schema can say what is missing', () => {
    const values: ArticleFormValues = { ...emptyArticleFormValues('nl'), leadImageAlt: 'Een foto' };
    expect(buildArticleInput(values, { status: 'draft', timeZone: ZONE }).article.leadImage).toEqual({ src: '', alt: 'Een foto' });
  });

  it.each<[string, string, string]>([
    ['a malformed time', '29-03-2026 14:30', 'publishedAtFormat'],
    ['a day that does not exist', '2026-02-30T10:00', 'publishedAtFormat'],
    ['a time skipped by the clock change', '2026-03-29T02:30', 'publishedAtNonexistent'],
  ])('reports %s in the publication time', (_, publishedAt, code) => {
    const built = buildArticleInput({ ...emptyArticleFormValues('nl'), publishedAt }, { status: 'draft', timeZone: ZONE });
    expect(built.problems).toEqual([expect.objectContaining({ field: 'publishedAt', code })]);
    expect(built.article).not.toHaveProperty('publishedAt');
  });

  it('reports body syntax problems with their line', () => {
    const built = buildArticleInput({ ...emptyArticleFormValues('nl'), body: 'Alinea.\n\n!video dailymotion x | Titel' }, { status: 'draft', timeZone: ZONE });
    expect(built.problems).toEqual([expect.objectContaining({ field: 'body', line: 3, code: 'bodySyntax' })]);
  });

  it('refuses a remote image in the body on its line, keeping the text as typed', () => {
    const body = 'Alinea.\n\n!image https://images.example.org/derby.jpg | Het publiek';
    const values = { ...emptyArticleFormValues('nl'), title: 'Derby', slug: 'derby', body };
    const built = buildArticleInput(values, { status: 'draft', timeZone: ZONE });
    expect(built.problems).toEqual([]);
    const parsed = ArticleInputSchema.safeParse(built.article);
    const problems = parsed.success ? [] : parsed.error.issues.map((issue) => ({ path: formatPath(issue.path), message: issue.message }));
    const placed = placeProblems(problems, built.bodyLines, values).filter((problem) => problem.field === 'body');
    expect(placed).toEqual([{ field: 'body', line: 3, message: 'a remote image cannot be shown: upload it to the media library and use its /media/… path' }]);
    expect(values.body).toBe(body);
  });

  it.each<[string, string]>([
    ['', ''],
    ['a, b,, c ', 'a|b|c'],
    [' , ', ''],
  ])('splits tags %j', (input, expected) => {
    expect(splitTags(input).join('|')).toBe(expected);
  });
});

describe('placing problems on the form', () => {
  const values: ArticleFormValues = { ...emptyArticleFormValues('nl'), tags: 'goed, !!!' };

  it.each<[string, string | null, number | undefined]>([
    ['title', 'title', undefined],
    ['slug', 'slug', undefined],
    ['previousSlugs[0]', 'slug', undefined],
    ['leadImage.src', 'leadImageSrc', undefined],
    ['leadImage.alt', 'leadImageAlt', undefined],
    ['leadImage', 'leadImageSrc', undefined],
    ['authors[1]', 'authors', undefined],
    ['publishedAt', 'publishedAt', undefined],
    ['updatedAt', 'publishedAt', undefined],
    ['body', 'body', undefined],
    ['body[1].text', 'body', 4],
    ['body[9].text', 'body', undefined],
    ['articles[0].intro', 'intro', undefined],
    ['status', null, undefined],
    ['(article)', null, undefined],
  ])('%s goes to %s', (path, field, line) => {
    const [placed] = placeProblems([{ path, message: 'm' }], [1, 4], values);
    expect(placed?.field).toBe(field);
    expect(placed?.line).toBe(line);
  });

  it('names the tag a tag problem is about', () => {
    expect(placeProblems([{ path: 'tags[1]', message: 'a tag name needs at least one letter or digit' }], [], values)).toEqual([
      { field: 'tags', message: '"!!!": a tag name needs at least one letter or digit' },
    ]);
  });
});
