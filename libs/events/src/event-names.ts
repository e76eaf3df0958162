import { Locale } from '@roundtable/common';
import { Event } from './entities/event.entity';

/** The event's name in each language it has a translation for; mails name the event in the reader's. */
export function eventNames(event: Pick<Event, 'name' | 'translations'>): Partial<Record<Locale, string>> {
  const names: Partial<Record<Locale, string>> = {};
  for (const [locale, text] of Object.entries(event.translations ?? {}) as [Locale, { name?: string }][]) {
    if (text?.name?.trim()) names[locale] = text.name.trim();
  }
  return names;
}
