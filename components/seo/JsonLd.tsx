import { serializeJsonLd } from '@/lib/seo/video';

/**
 * Structured data as an inline `<script type="application/ld+json">`. The JSON is escaped by
 * `serializeJsonLd` (every `<` becomes `\u003c`), so content such as `</script>` in a title stays
 * data; that escaping is why it is safe to set the script's text as raw HTML here.
 */
export function JsonLd({ data }: { data: object }) {
  // eslint-disable-next-line react/no-danger -- JSON-LD must be the script's raw text; serializeJsonLd escapes every `<`, so nothing in it can close the tag
  return <script type="application/ld+json" dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
