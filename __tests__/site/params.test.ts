/** The page number of a listing route's `[[...page]]` segments (lib/site/params.ts). */
import { listingPage } from '@/lib/site/params';

/** What a route check threw: Next's 404 or redirect, by its digest. */
function thrown(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    const digest = (error as { digest?: unknown }).digest;
    return typeof digest === 'string' ? digest : String(error);
  }
  return 'nothing';
}

describe('a listing page from its segments', () => {
  it.each([
    [undefined, 1],
    [[], 1],
    [['page', '2'], 2],
    [['page', '200'], 200],
  ])('%j is page %i', (segments, page) => {
    expect(listingPage(segments, '/rubriek/voetbal')).toBe(page);
  });

  it('sends page 1 to the listing itself, permanently', () => {
    expect(thrown(() => listingPage(['page', '1'], '/rubriek/voetbal'))).toMatch(/^NEXT_REDIRECT;replace;\/rubriek\/voetbal;308;/);
  });

  it.each([[['page']], [['page', 'abc']], [['page', '-1']], [['page', '2', 'meer']], [['pagina', '2']], [['2']], [['page', '%FF']]])('%j is a 404', (segments) => {
    expect(thrown(() => listingPage(segments, '/rubriek/voetbal'))).toMatch(/^NEXT_HTTP_ERROR_FALLBACK;404/);
  });
});
