import { documentResponse, sitemapIndexXml, XML_CONTENT_TYPE } from '@/lib/site/feeds';

// Static; regenerated when the listings of either locale are revalidated, and hourly at the latest.
export const revalidate = 3600;

export async function GET() {
  return documentResponse(await sitemapIndexXml(), XML_CONTENT_TYPE);
}
