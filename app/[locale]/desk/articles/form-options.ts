/**
 * What the article form offers, loaded for the new and edit pages: sections of every locale,
 * authors, the newest media, the upload control's strings, and the client strings the form's
 * islands need (only those namespaces reach the browser).
 */
import { getMessages } from 'next-intl/server';
import type { FormAuthorOption, FormMediaOption, FormSectionOption } from '@/components/desk/ArticleForm.client';
import { getMediaUploadProps } from '@/components/desk/media/media-labels';
import { listAllSections, listAuthors } from '@/lib/data/taxonomy';
import { getDatabase } from '@/lib/db/connection';
import { pickMessages } from '@/lib/i18n/messages';
import type { Locale } from '@/lib/i18n/locales';
import { listMedia } from '@/lib/media/store';

/** The picker lists this many of the newest uploads; older ones are pasted by src from the media library. */
const MEDIA_PICKER_LIMIT = 100;

export async function loadArticleFormOptions(locale: Locale) {
  const database = await getDatabase();
  const [sections, authors, media, upload, messages] = await Promise.all([
    listAllSections(database),
    listAuthors(database),
    listMedia(database, { limit: MEDIA_PICKER_LIMIT }),
    getMediaUploadProps(locale),
    getMessages({ locale }),
  ]);
  return {
    sections: sections.map((section): FormSectionOption => ({ locale: section.locale, slug: section.slug, name: section.name })),
    authors: authors.map((author): FormAuthorOption => ({ slug: author.slug, name: author.name })),
    media: media.items.map((item): FormMediaOption => ({ src: item.src, label: `${item.fileName} (${item.width}×${item.height})` })),
    upload,
    clientMessages: pickMessages(messages, ['DeskArticleForm', 'DeskPublication', 'DeskSharePreview']),
  };
}
