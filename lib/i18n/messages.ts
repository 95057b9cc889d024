/**
 * Picks the message namespaces that client components need, so the browser never receives the
 * whole catalogue (NextIntlClientProvider would otherwise serialise every string into the page).
 */
import type { AbstractIntlMessages } from 'next-intl';

export function pickMessages(messages: AbstractIntlMessages, namespaces: readonly string[]): AbstractIntlMessages {
  const picked: AbstractIntlMessages = {};
  for (const namespace of namespaces) {
    const value = messages[namespace];
    if (value !== undefined) picked[namespace] = value;
  }
  return picked;
}
