/**
 * zh, ru and en, switchable at run time without a reload. The first choice
 * comes from the browser; a signed-in account's language then wins; a choice
 * made in the switcher is remembered on this device. Only the language in use
 * is loaded (each is its own chunk, 8-11 kB gzip, the organiser screens' texts apart; the service worker keeps
 * all three for offline use).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { Messages } from './locales/en';
import type { OrganiserMessages } from './locales/organiser-en';

export const LANGUAGES = ['zh', 'ru', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];

const KEY = 'rt.lang';

export function isLanguage(value: string | null | undefined): value is Language {
  return (LANGUAGES as readonly string[]).includes(value ?? '');
}

function browserLanguage(): Language {
  for (const tag of navigator.languages ?? [navigator.language]) {
    const base = tag.toLowerCase().split('-')[0];
    if (isLanguage(base)) return base;
  }
  return 'en';
}

function initialLanguage(): Language {
  const saved = localStorage.getItem(KEY);
  return isLanguage(saved) ? saved : browserLanguage();
}

const MESSAGES: Record<Language, () => Promise<Messages>> = {
  zh: () => import('./locales/zh').then((m) => m.zh),
  ru: () => import('./locales/ru').then((m) => m.ru),
  en: () => import('./locales/en').then((m) => m.en),
};

/**
 * The organiser screens' texts (dashboard, registrations, invitations, visa letters, check-in, agreements,
 * mail, agenda editor, platform admin): a third of all texts, which no delegate or public screen needs, so
 * they are their own chunk per language, loaded with the first screen that uses them (see withOrganiserTexts)
 * and, after that, with every language switched to. Same `t('…')` keys: they are merged into the one
 * 'translation' namespace.
 */
const ORGANISER_MESSAGES: Record<Language, () => Promise<OrganiserMessages>> = {
  zh: () => import('./locales/organiser-zh').then((m) => m.organiserZh),
  ru: () => import('./locales/organiser-ru').then((m) => m.organiserRu),
  en: () => import('./locales/organiser-en').then((m) => m.organiserEn),
};

let organiserTexts = false;
const organiserLoaded = new Set<Language>();

async function loadOrganiser(language: Language): Promise<void> {
  if (organiserLoaded.has(language)) return;
  const messages = await ORGANISER_MESSAGES[language]();
  if (!organiserLoaded.has(language)) {
    // Deep merge into the language's texts, which are in by now (see load and i18nReady).
    i18next.addResourceBundle(language, 'translation', messages, true, false);
    organiserLoaded.add(language);
  }
}

async function load(language: Language): Promise<void> {
  if (!i18next.hasResourceBundle(language, 'translation')) {
    i18next.addResourceBundle(language, 'translation', await MESSAGES[language](), true, false);
  }
  if (organiserTexts) await loadOrganiser(language);
}

/**
 * For an organiser screen's lazy route component: its chunk and the organiser texts in the current language
 * arrive together, so the screen's first render has its texts.
 */
export async function withOrganiserTexts<T>(screen: Promise<T>): Promise<T> {
  organiserTexts = true;
  const [module] = await Promise.all([
    screen,
    // A language being switched to picks them up in load, which checks organiserTexts once its own texts are in.
    i18nReady.then(() => loadOrganiser(currentLanguage())),
  ]);
  return module;
}

let wanted: Language | undefined;

/** Two quick switches: the later choice wins even when the earlier language's texts arrive last. */
async function switchTo(language: Language): Promise<void> {
  wanted = language;
  await load(language);
  if (wanted === language) await i18next.changeLanguage(language);
}

function reflect(language: string): void {
  document.documentElement.lang = language === 'zh' ? 'zh-CN' : language;
}
i18next.on('languageChanged', reflect);

/** The language the app starts in; route loaders ask for texts in it before i18next has them. */
const START = initialLanguage();

/** Settles once the first language's texts are in; the app renders after it (see main.tsx). */
export const i18nReady: Promise<unknown> = (async () => {
  const language = START;
  await i18next.use(initReactI18next).init({
    resources: { [language]: { translation: await MESSAGES[language]() } },
    lng: language,
    // zh and ru are typed as en's Messages, so no key is missing and no other language need be loaded.
    fallbackLng: false,
    interpolation: { escapeValue: false },
    returnNull: false,
  });
})();

/** The switcher: remembered on this device. */
export function chooseLanguage(language: Language): void {
  localStorage.setItem(KEY, language);
  void switchTo(language);
}

/** After sign-in the account's language applies. */
export function applyAccountLanguage(locale: string): void {
  if (isLanguage(locale)) {
    localStorage.setItem(KEY, locale);
    void switchTo(locale);
  }
}

export function currentLanguage(): Language {
  return isLanguage(i18next.language) ? i18next.language : START;
}

/** BCP 47 tag for Intl formatting. */
export function intlLocale(language: string): string {
  return language === 'zh' ? 'zh-CN' : language === 'ru' ? 'ru-RU' : 'en-GB';
}

export { i18next };
