import en from '@/messages/en.json';
import nl from '@/messages/nl.json';
import { emptyArticleFormValues, type FieldProblem } from '@/lib/desk/article-form';
import { problemMessageKey, type ProblemMessageKey } from '@/lib/desk/problem-messages';

const values = { ...emptyArticleFormValues('nl'), title: 'Titel', slug: 'titel' };

describe('localizing validator problems', () => {
  it.each<[string, FieldProblem, ProblemMessageKey | null]>([
    ['an empty title', { field: 'title', message: 'must not be empty' }, 'mustNotBeEmpty'],
    ['no author', { field: 'authors', message: 'expected at least one author' }, 'atLeastOneAuthor'],
    ['an empty body', { field: 'body', message: 'expected at least one block' }, 'atLeastOneBlock'],
    ['a published article without time', { field: 'publishedAt', message: 'is required for a published article' }, 'requiredForStatus'],
    ['a bad slug', { field: 'slug', message: 'expected a lowercase-kebab slug (a-z, 0-9 and single hyphens)' }, 'slug'],
    ['a schedule in the past', { field: 'publishedAt', message: 'must be in the future to schedule the article' }, 'scheduleInPast'],
    ['an unreadable time', { field: 'publishedAt', message: 'format', code: 'publishedAtFormat' }, 'publishedAtFormat'],
    ['a skipped hour', { field: 'publishedAt', message: 'nonexistent', code: 'publishedAtNonexistent' }, 'publishedAtNonexistent'],
    ['an empty section', { field: 'section', message: 'expected a lowercase-kebab slug (a-z, 0-9 and single hyphens)' }, 'chooseSection'],
    ['anything else', { field: 'slug', message: 'slug "x" is already used by article y' }, null],
    ['a body syntax problem', { field: 'body', line: 3, message: 'unknown video provider "x"', code: 'bodySyntax' }, null],
    [
      'a remote image in the body',
      { field: 'body', line: 3, message: 'a remote image cannot be shown: upload it to the media library and use its /media/… path' },
      'remoteImage',
    ],
  ])('%s', (_, problem, key) => {
    expect(problemMessageKey(problem, values)).toBe(key);
  });

  it('says "enter a title or slug" for an empty slug', () => {
    expect(problemMessageKey({ field: 'slug', message: 'expected a lowercase-kebab slug' }, { ...values, slug: '' })).toBe('slugEmpty');
  });

  it.each(['publishedAtFormat', 'publishedAtNonexistent', 'chooseSection', 'slugEmpty', 'mustNotBeEmpty', 'atLeastOneAuthor', 'atLeastOneBlock', 'requiredForStatus', 'slug', 'scheduleInPast', 'remoteImage'])(
    'has Dutch and English text for %s',
    (key) => {
      expect(nl.DeskArticleForm.problem).toHaveProperty(key);
      expect(en.DeskArticleForm.problem).toHaveProperty(key);
    },
  );
});

type Tree = { [key: string]: string | Tree };

function keysOf(tree: Tree, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [`${prefix}${key}`] : keysOf(value, `${prefix}${key}.`)));
}

describe('the desk strings', () => {
  const namespaces = Object.keys(nl).filter((name) => name.startsWith('Desk') && !name.startsWith('DeskAdmin') && !name.startsWith('DeskMedia'));

  it('cover the article desk', () => {
    expect(namespaces).toEqual(expect.arrayContaining(['DeskShell', 'DeskArticleList', 'DeskArticleForm', 'DeskRevisions']));
  });

  it.each(namespaces)('%s has the same keys in Dutch and English', (namespace) => {
    const dutch = (nl as unknown as Record<string, Tree>)[namespace] as Tree;
    const english = (en as unknown as Record<string, Tree>)[namespace] as Tree;
    expect(keysOf(english).sort()).toEqual(keysOf(dutch).sort());
  });
});
