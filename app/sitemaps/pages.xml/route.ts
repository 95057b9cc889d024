import { documentResponse, pagesSitemapXml, XML_CONTENT_TYPE } from '@/lib/site/feeds';

// Static; regenerated when listings or taxonomy are revalidated, and hourly at the latest.
export const revalidate = 3600;

export async function GET() {
  return documentResponse(await pagesSitemapXml(), XML_CONTENT_TYPE);
}
