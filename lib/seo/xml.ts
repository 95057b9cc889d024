/**
 * XML escaping for the feeds and sitemaps (lib/seo/sitemap.ts, news-sitemap.ts, rss.ts).
 *
 * Content is editor text and may hold anything: markup, quotes, `]]>`, or control characters
 * pasted from a word processor. Characters XML 1.0 does not allow at all (most C0 controls, lone
 * surrogates, U+FFFE/U+FFFF) cannot be escaped either — `&#1;` is as illegal as the byte — so they
 * are removed; one of them would make the whole file unparseable and the feed or sitemap useless.
 */

/**
 * Everything outside XML 1.0's `Char` production:
 * `#x9 | #xA | #xD | [#x20-#xD7FF] | [#xE000-#xFFFD] | [#x10000-#x10FFFF]`.
 * With the `u` flag a well-formed surrogate pair is one code point (allowed); a lone surrogate is not.
 */
const ILLEGAL_XML_CHARS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

/** Removes the characters XML 1.0 does not allow anywhere in a document. */
export function stripIllegalXmlChars(value: string): string {
  return value.replace(ILLEGAL_XML_CHARS, '');
}

/**
 * Escapes text for element content. `>` is escaped too, so `]]>` (illegal in content) never appears.
 */
export function escapeXmlText(value: string): string {
  return stripIllegalXmlChars(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Escapes text for a double- or single-quoted attribute value. Tabs and line breaks become
 * character references, because a parser would otherwise normalise them to spaces.
 */
export function escapeXmlAttribute(value: string): string {
  return escapeXmlText(value)
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\t/g, '&#9;')
    .replace(/\n/g, '&#10;')
    .replace(/\r/g, '&#13;');
}

/**
 * Escapes text for an XML element whose content is itself HTML by convention, such as RSS 2.0's
 * `title`, `description` and `category`: feed readers decode the XML and then render the result as
 * HTML. Escaping once for XML alone hands them `<img src=x onerror=…>` as live markup; escaping for
 * HTML first makes it arrive as the text it is. Pass the result to {@link escapeXmlText} (or
 * {@link htmlTextElement}), which escapes it for XML in turn.
 */
export function escapeHtmlText(value: string): string {
  return value.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&#39;');
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';

export type XmlAttributes = Record<string, string | number | undefined>;

function attributes(attrs: XmlAttributes | undefined): string {
  if (!attrs) return '';
  return Object.entries(attrs)
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(String(value))}"`)
    .join('');
}

/** `<name attr="…">text</name>` with the text and attribute values escaped. */
export function textElement(name: string, text: string, attrs?: XmlAttributes): string {
  return `<${name}${attributes(attrs)}>${escapeXmlText(text)}</${name}>`;
}

/**
 * `<name attr="…">text</name>` for an element a reader renders as HTML (see {@link escapeHtmlText}):
 * the text is escaped for HTML, then for XML, so that markup in it reaches the reader as text.
 */
export function htmlTextElement(name: string, text: string, attrs?: XmlAttributes): string {
  return textElement(name, escapeHtmlText(text), attrs);
}

/** `<name attr="…"/>` with the attribute values escaped. */
export function emptyElement(name: string, attrs: XmlAttributes): string {
  return `<${name}${attributes(attrs)}/>`;
}

/** `<name attr="…">children</name>`; children must already be XML (from these helpers). */
export function parentElement(name: string, children: readonly string[], attrs?: XmlAttributes): string {
  return `<${name}${attributes(attrs)}>${children.join('')}</${name}>`;
}
