import { articlesSitemapXml, documentNotFound, documentResponse, XML_CONTENT_TYPE } from '@/lib/site/feeds';
import { parsePageNumber } from '@/lib/site/pagination';
import { unavailableWhenDatabaseIsDown } from '@/lib/site/unavailable';

// Each part is rendered on first request, then served statically until the listings are revalidated.
export const revalidate = 3600;
export function generateStaticParams() {
  return [];
}

/** `/sitemaps/articles/3.xml`; any other file name, or a part past the end, is a 404. */
export const GET = unavailableWhenDatabaseIsDown('xml', async (_request: Request, { params }: RouteContext<'/sitemaps/articles/[file]'>) => {
  const { file } = await params;
  const part = parsePageNumber(/^(.+)\.xml$/.exec(file)?.[1]);
  const xml = part === null ? null : await articlesSitemapXml(part);
  return xml === null ? documentNotFound() : documentResponse(xml, XML_CONTENT_TYPE);
});
