import { Locale } from '@roundtable/common';
import { SECTORS } from './lexicon/lexicon';
import { MatchedTerm, PairSignals } from './matching/matcher';

/** A matched term as stored with a pair: the concept's names travel with it, so reading needs no lexicon lookup. */
export interface StoredTerm extends MatchedTerm {
  names: Record<Locale, string> | null;
}

/** What `recommendation_pairs.details` holds. */
export interface PairDetails {
  terms: StoredTerm[];
  signals: PairSignals;
}

const quote: Record<Locale, (s: string) => string> = {
  en: (s) => s,
  zh: (s) => `「${s}」`,
  ru: (s) => `«${s}»`,
};

const LINE: Record<Locale, Record<MatchedTerm['direction'], (offer: string, seek: string) => string>> = {
  en: {
    they: (o, s) => `They offer ${o}; you seek ${s}.`,
    you: (o, s) => `You offer ${o}; they seek ${s}.`,
  },
  zh: {
    they: (o, s) => `对方提供${o}，正是您寻求的${s}。`,
    you: (o, s) => `您提供${o}，正是对方寻求的${s}。`,
  },
  ru: {
    they: (o, s) => `Они предлагают ${o}, а вы ищете ${s}.`,
    you: (o, s) => `Вы предлагаете ${o}, а они ищут ${s}.`,
  },
};

/**
 * How one side of a match is named to the reader: the clause as written when
 * it is in the reader's language, otherwise the concept's name in it (a
 * shared word has no translation: its clause is quoted as written).
 */
function label(term: StoredTerm, clause: string, clauseLanguage: string, locale: Locale): string {
  if (term.names && (clauseLanguage !== locale || clause === '')) return quote[locale](term.names[locale]);
  return quote[locale](clause);
}

/** The one-line reason: each direction that met, strongest first. */
export function reasonLine(terms: StoredTerm[], locale: Locale): string {
  return terms
    .map((t) =>
      LINE[locale][t.direction](
        label(t, t.offerClause, t.offerLanguage, locale),
        label(t, t.seekClause, t.seekLanguage, locale),
      ),
    )
    .join(' ');
}

/** One of each formatter per locale: building them costs more than using them, and a page formats twenty reasons. */
function perLocale<T>(make: (locale: Locale) => T): (locale: Locale) => T {
  const made = new Map<Locale, T>();
  return (locale) => {
    let value = made.get(locale);
    if (value === undefined) made.set(locale, (value = make(locale)));
    return value;
  };
}
const regionNames = perLocale((locale) => new Intl.DisplayNames([locale], { type: 'region' }));
const languageNames = perLocale((locale) => new Intl.DisplayNames([locale], { type: 'language' }));
const listFormat = perLocale((locale) => new Intl.ListFormat(locale, { type: 'conjunction' }));
const list = (locale: Locale, items: string[]) => listFormat(locale).format(items);

/** The supporting signals as short phrases in the reader's language. */
export function supportingLines(s: PairSignals, locale: Locale): string[] {
  const out: string[] = [];
  if (s.sectors.length > 0) {
    const names = list(
      locale,
      s.sectors.map((id) => SECTORS[id]?.[locale] ?? id),
    );
    out.push({ en: `Same sector: ${names}`, zh: `同属行业：${names}`, ru: `Общая отрасль: ${names}` }[locale]);
  }
  if (s.countries) {
    const r = regionNames(locale);
    const pair = `${r.of(s.countries[0]) ?? s.countries[0]} – ${r.of(s.countries[1]) ?? s.countries[1]}`;
    out.push(
      { en: `Cross-border: ${pair}`, zh: `跨境合作：${pair}`, ru: `Трансграничное сотрудничество: ${pair}` }[locale],
    );
  }
  if (s.sharedLanguages.length > 0) {
    const l = languageNames(locale);
    const names = list(
      locale,
      s.sharedLanguages.map((code) => l.of(code) ?? code),
    );
    out.push({ en: `You both speak ${names}`, zh: `共同语言：${names}`, ru: `Общий язык: ${names}` }[locale]);
  }
  if (s.interpreter)
    out.push({ en: 'An interpreter will be needed', zh: '需要翻译', ru: 'Понадобится переводчик' }[locale]);
  if (s.commonSlots === null)
    out.push(
      {
        en: 'Both free whenever meetings run',
        zh: '双方在所有会谈时段均有空',
        ru: 'Оба свободны в любое время встреч',
      }[locale],
    );
  else if (s.commonSlots > 0)
    out.push(
      {
        en: `${s.commonSlots} common free slots`,
        zh: `${s.commonSlots}个共同空闲时段`,
        ru: `Общих свободных слотов: ${s.commonSlots}`,
      }[locale],
    );
  else out.push({ en: 'No common free slot', zh: '暂无共同空闲时段', ru: 'Нет общего свободного времени' }[locale]);
  return out;
}
