/**
 * The site's own images for structured data and social cards, with their sizes, and the
 * StructuredDataSite built from the configuration.
 */
import { siteConfig } from '@/lib/site/config';
import type { StructuredDataImage, StructuredDataSite } from './structured-data';

/** The publisher logo (600×60, Google's limit for news publishers); public/logo.svg is its source. */
export const SITE_LOGO: StructuredDataImage = { src: '/logo.png', width: 600, height: 60 };

/** The social card and structured-data image of pages and articles without an image of their own. */
export const SITE_CARD: StructuredDataImage = { src: '/logo-card.png', width: 1200, height: 630 };

export function structuredDataSite(): StructuredDataSite {
  return { url: siteConfig.url, name: siteConfig.name, timeZone: siteConfig.timeZone, logo: SITE_LOGO, fallbackImage: SITE_CARD };
}
