import { documentResponse, newsSitemapXml, XML_CONTENT_TYPE } from '@/lib/site/feeds';

// Static; regenerated whenever either locale's listings are revalidated (every publication), and
// hourly at the latest so that articles leave it once they are two days old.
export const revalidate = 3600;

export async function GET() {
  return documentResponse(await newsSitemapXml(), XML_CONTENT_TYPE);
}
