import { BUILT_IN_CONCEPTS, Concept, LexiconLanguage } from '@roundtable/recommendations';

/**
 * A labelled set for bench:match, generated from a seed: companies writing
 * their offers and seeks in Chinese, Russian or English, each text built
 * from a lexicon term (any synonym, Russian ones often inflected) inside free
 * text, plus clusters around products the lexicon does not know (those only
 * match within one language). The true partners are known by construction:
 * A and B are partners when one offers what the other seeks. Nothing here
 * looks at the matcher or the lexicon's own tests.
 */

export interface LabelledCompany {
  id: string;
  name: string;
  language: LexiconLanguage;
  country: string;
  sector: string;
  languages: string[];
  offers: string;
  seeks: string;
  /** What was offered and sought, as generated (concept ids or `free:<n>`): the ground truth. */
  offerTopic: string;
  seekTopic: string;
}

export interface LabelledSet {
  companies: LabelledCompany[];
  /** Company id → ids of its true partners. */
  partners: Map<string, Set<string>>;
}

/** Products the lexicon does not list, written in one language per cluster. */
const FREE_PRODUCTS: Record<LexiconLanguage, string[]> = {
  en: ['graphite electrodes', 'beekeeping hives', 'greenhouse films', 'bamboo flooring', 'felt boots'],
  ru: ['графитовые электроды', 'пчелиные ульи', 'тепличные плёнки', 'бамбуковый паркет', 'валенки'],
  zh: ['石墨电极', '蜂箱', '温室薄膜', '竹地板', '毡靴'],
};

const CITIES: Record<LexiconLanguage, string[]> = {
  en: ['Nanchang', 'Harbin', 'Kazan', 'Novosibirsk', 'Almaty', 'Ulaanbaatar'],
  ru: ['Казани', 'Новосибирска', 'Екатеринбурга', 'Владивостока', 'Самары'],
  zh: ['南昌', '赣州', '哈尔滨', '武汉', '长沙'],
};

const FILLER: Record<LexiconLanguage, string[]> = {
  en: [
    'at competitive prices',
    'with ISO 9001 certification',
    'for long-term cooperation',
    'delivered across Eurasia',
    'family business since 1998',
    'flexible payment terms',
  ],
  ru: [
    'по конкурентным ценам',
    'с доставкой по всей стране',
    'с сертификатами качества',
    'семейный бизнес с 1998 года',
    'гибкие условия оплаты',
    'работаем напрямую',
  ],
  zh: ['价格优惠', '质量可靠', '欢迎洽谈', '诚信经营', '付款方式灵活', '厂家直销'],
};

type Template = (term: string, rng: Rng) => string;

const OFFER_TEMPLATES: Record<LexiconLanguage, Template[]> = {
  en: [
    (t, r) => `We offer ${t} ${r.pick(FILLER.en)}.`,
    (t, r) => `${capital(t)} from ${r.pick(CITIES.en)}, ${r.pick(FILLER.en)}`,
    (t, r) => `Producer and exporter of ${t}; ${r.pick(FILLER.en)}`,
  ],
  ru: [
    (t, r) => `Предлагаем ${t} ${r.pick(FILLER.ru)}.`,
    (t, r) => `Производим и поставляем: ${t}, ${r.pick(FILLER.ru)}`,
    (t, r) => `${capital(t)} из ${r.pick(CITIES.ru)}; ${r.pick(FILLER.ru)}`,
  ],
  zh: [
    (t, r) => `我公司提供${t}，${r.pick(FILLER.zh)}`,
    (t, r) => `专业生产${t}，${r.pick(FILLER.zh)}。`,
    (t, r) => `${r.pick(CITIES.zh)}${t}出口，${r.pick(FILLER.zh)}`,
  ],
};

const SEEK_TEMPLATES: Record<LexiconLanguage, Template[]> = {
  en: [
    (t, r) => `Looking for ${t} partners ${r.pick(['in China', 'in Russia', 'in Central Asia'])}`,
    (t) => `We seek suppliers of ${t}.`,
    (t, r) => `Buyers of ${t}, ${r.pick(FILLER.en)}`,
  ],
  ru: [
    (t) => `Ищем поставщиков ${genitive(t)}`,
    (t) => `Ищем партнёров в сфере: ${t}.`,
    (t, r) => `Закупаем ${t} ${r.pick(FILLER.ru)}`,
  ],
  zh: [(t) => `寻找${t}合作伙伴`, (t, r) => `采购${t}，${r.pick(FILLER.zh)}`, (t) => `需要${t}供应商。`],
};

/**
 * A rough genitive for the Russian lexicon's noun phrases (adjective + noun,
 * or plural nouns): enough that the bench's texts are inflected the way
 * people write, which the lexicon's terms (nominative) are not.
 */
function genitive(phrase: string): string {
  return phrase
    .split(' ')
    .map((w) => {
      const rules: [RegExp, string][] = [
        [/ая$/, 'ой'],
        [/яя$/, 'ей'],
        [/ый$/, 'ого'],
        [/ой$/, 'ого'],
        [/ий$/, 'его'],
        [/ые$/, 'ых'],
        [/ие$/, 'их'],
        [/([кгхжшщч])а$/, '$1и'],
        [/а$/, 'ы'],
        [/я$/, 'и'],
        [/ь$/, 'и'],
        [/([кгхжшщч])и$/, '$1ов'],
        [/ы$/, 'ов'],
        [/о$/, 'а'],
      ];
      for (const [re, to] of rules) if (re.test(w)) return w.replace(re, to);
      return w;
    })
    .join(' ');
}

const capital = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export class Rng {
  constructor(private state: number) {}
  next(): number {
    // mulberry32
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
  shuffle<T>(items: T[]): T[] {
    for (let i = items.length - 1; i > 0; i--) {
      const j = this.int(i + 1);
      [items[i], items[j]] = [items[j], items[i]];
    }
    return items;
  }
}

const LANGUAGES: LexiconLanguage[] = ['zh', 'ru', 'en'];
const COUNTRY: Record<LexiconLanguage, string[]> = { zh: ['CN'], ru: ['RU'], en: ['CN', 'RU', 'KZ', 'MN'] };
const SPOKEN: Record<LexiconLanguage, string[][]> = {
  zh: [['zh'], ['zh', 'en']],
  ru: [['ru'], ['ru', 'en']],
  en: [['en'], ['en', 'ru'], ['en', 'zh']],
};

interface Role {
  topic: string;
  kind: 'offer' | 'seek';
  /** Forced language (free-text clusters share one); otherwise the company's. */
  language?: LexiconLanguage;
}

/**
 * `topics` lexicon concepts each get `perSide` offering and `perSide` seeking
 * companies; `freeClusters` unlisted products likewise, in one language each.
 * Every company offers one thing and seeks another.
 */
export function generateLabelledSet(seed: number, topics = 90, perSide = 4, freeClusters = 8): LabelledSet {
  const rng = new Rng(seed);
  const concepts = rng.shuffle([...BUILT_IN_CONCEPTS]).slice(0, topics);
  const byId = new Map<string, Concept>(BUILT_IN_CONCEPTS.map((c) => [c.id, c]));
  const offerRoles: Role[] = [];
  const seekRoles: Role[] = [];
  for (const c of concepts) {
    for (let i = 0; i < perSide; i++) {
      offerRoles.push({ topic: c.id, kind: 'offer' });
      seekRoles.push({ topic: c.id, kind: 'seek' });
    }
  }
  for (let k = 0; k < freeClusters; k++) {
    const language = LANGUAGES[k % 3];
    for (let i = 0; i < perSide; i++) {
      offerRoles.push({ topic: `free:${k}`, kind: 'offer', language });
      seekRoles.push({ topic: `free:${k}`, kind: 'seek', language });
    }
  }
  rng.shuffle(offerRoles);
  rng.shuffle(seekRoles);
  // nobody seeks what they offer themselves: swap seeks until every pair differs
  for (let i = 0; i < offerRoles.length; i++) {
    for (let tries = 0; tries < 50 && clash(offerRoles[i], seekRoles[i]); tries++) {
      const j = rng.int(seekRoles.length);
      if (!clash(offerRoles[i], seekRoles[j]) && !clash(offerRoles[j], seekRoles[i])) {
        [seekRoles[i], seekRoles[j]] = [seekRoles[j], seekRoles[i]];
      }
    }
  }
  const companies: LabelledCompany[] = offerRoles.map((offer, i) => {
    const seek = seekRoles[i];
    const language = offer.language ?? seek.language ?? rng.pick(LANGUAGES);
    const offerLanguage = offer.language ?? language;
    const seekLanguage = seek.language ?? language;
    const sectorOf = (topic: string) => byId.get(topic)?.sector ?? 'machinery';
    return {
      id: `c${String(i).padStart(4, '0')}`,
      name: `Company ${i}`,
      language,
      country: rng.pick(COUNTRY[language]),
      sector: sectorOf(offer.topic),
      languages: rng.pick(SPOKEN[language]),
      offers: textFor(rng, offer, offerLanguage, byId),
      seeks: textFor(rng, seek, seekLanguage, byId),
      offerTopic: offer.topic,
      seekTopic: seek.topic,
    };
  });
  const partners = new Map<string, Set<string>>(companies.map((c) => [c.id, new Set<string>()]));
  for (const a of companies) {
    for (const b of companies) {
      if (a !== b && a.offerTopic === b.seekTopic) {
        partners.get(a.id)!.add(b.id);
        partners.get(b.id)!.add(a.id);
      }
    }
  }
  return { companies, partners };
}

const clash = (offer: Role, seek: Role): boolean =>
  offer.topic === seek.topic ||
  (offer.language !== undefined && seek.language !== undefined && offer.language !== seek.language);

function textFor(rng: Rng, role: Role, language: LexiconLanguage, byId: Map<string, Concept>): string {
  const concept = byId.get(role.topic);
  const term = concept
    ? rng.pick(concept.terms[language])
    : FREE_PRODUCTS[language][Number(role.topic.slice(5)) % FREE_PRODUCTS[language].length];
  const templates = role.kind === 'offer' ? OFFER_TEMPLATES[language] : SEEK_TEMPLATES[language];
  return rng.pick(templates)(term, rng);
}
