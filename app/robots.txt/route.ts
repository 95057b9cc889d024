import { documentResponse, robotsTxt, TEXT_CONTENT_TYPE } from '@/lib/site/feeds';

// Depends on configuration only (SITE_URL), so it is built once.
export const dynamic = 'force-static';

export function GET() {
  return documentResponse(robotsTxt(), TEXT_CONTENT_TYPE);
}
