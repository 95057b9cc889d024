import { documentResponse, pagesSitemapXml, XML_CONTENT_TYPE } from '@/lib/site/feeds';
import { unavailableWhenDatabaseIsDown } from '@/lib/site/unavailable';

// Static; regenerated when listings or taxonomy are revalidated, and hourly at the latest.
export const revalidate = 3600;

export const GET = unavailableWhenDatabaseIsDown('xml', async () => {
  return documentResponse(await pagesSitemapXml(), XML_CONTENT_TYPE);
});
