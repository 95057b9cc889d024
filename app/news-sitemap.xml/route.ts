import { documentResponse, newsSitemapXml, XML_CONTENT_TYPE } from '@/lib/site/feeds';
import { unavailableWhenDatabaseIsDown } from '@/lib/site/unavailable';

// Static; regenerated whenever either locale's listings are revalidated (every publication), and
// hourly at the latest so that articles leave it once they are two days old.
export const revalidate = 3600;

export const GET = unavailableWhenDatabaseIsDown('xml', async () => {
  return documentResponse(await newsSitemapXml(), XML_CONTENT_TYPE);
});
