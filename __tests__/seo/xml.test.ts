import { escapeXmlAttribute, escapeXmlText, stripIllegalXmlChars, textElement } from '@/lib/seo/xml';

describe('escapeXmlText', () => {
  it.each([
    ['an ampersand', 'Feyenoord & Ajax', 'Feyenoord &amp; Ajax'],
    ['markup', '<script>alert(1)</script>', '&lt;script&gt;alert(1)&lt;/script&gt;'],
    ['a CDATA end marker', 'a ]]> b', 'a ]]&gt; b'],
    ['an entity that is already escaped', '&amp;', '&amp;amp;'],
    ['quotes, which element content may hold as they are', `"Kalm" en 'rustig'`, `"Kalm" en 'rustig'`],
    ['tabs and line breaks, which are legal', 'a\tb\nc\r', 'a\tb\nc\r'],
    ['accents and emoji', 'Café ⚽ 🇳🇱', 'Café ⚽ 🇳🇱'],
  ])('escapes %s', (_case, input, expected) => {
    expect(escapeXmlText(input)).toBe(expected);
  });
});

describe('escapeXmlAttribute', () => {
  it.each([
    ['double quotes', 'say "hi"', 'say &quot;hi&quot;'],
    ['single quotes', "it's", 'it&apos;s'],
    ['markup and ampersands', '<a&b>', '&lt;a&amp;b&gt;'],
    ['tabs and line breaks as character references', 'a\tb\nc\rd', 'a&#9;b&#10;c&#13;d'],
  ])('escapes %s', (_case, input, expected) => {
    expect(escapeXmlAttribute(input)).toBe(expected);
  });
});

describe('stripIllegalXmlChars', () => {
  it.each([
    ['NUL', 'a\u0000b', 'ab'],
    ['other C0 controls', 'a\u0001\u0008\u000B\u000C\u001Fb', 'ab'],
    ['a lone high surrogate', 'a\uD83Db', 'ab'],
    ['a lone low surrogate', 'a\uDC00b', 'ab'],
    ['U+FFFE and U+FFFF', 'a\uFFFE\uFFFFb', 'ab'],
  ])('removes %s', (_case, input, expected) => {
    expect(stripIllegalXmlChars(input)).toBe(expected);
  });

  it('keeps tab, line feed, carriage return, DEL, C1 controls and astral characters', () => {
    const kept = '\t\n\r\u007F\u0085 😀 \u{10FFFD}';
    expect(stripIllegalXmlChars(kept)).toBe(kept);
  });

  it('applies inside text and attributes too', () => {
    expect(escapeXmlText('x\u0007<y')).toBe('x&lt;y');
    expect(textElement('title', 'a\u0000&b', { note: '\u0001"' })).toBe('<title note="&quot;">a&amp;b</title>');
  });
});
