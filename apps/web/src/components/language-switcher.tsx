import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, isLanguage, LANGUAGES } from '@/lib/i18n';
import classes from './language-switcher.module.css';

const LABELS = { zh: '中文', ru: 'Рус', en: 'EN' } as const;

/**
 * Switches the language in place (no reload); the choice is remembered on this device. Three native radio
 * buttons (arrow keys move between them) styled as a segmented control: Mantine's SegmentedControl measures
 * its options on every render to slide its indicator, a forced layout in the middle of each screen's first paint.
 */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const value = isLanguage(i18n.language) ? i18n.language : currentLanguage();
  return (
    <div role="radiogroup" aria-label={t('app.language')} className={classes.root}>
      {LANGUAGES.map((lang) => (
        <label key={lang} className={classes.option} lang={lang === 'zh' ? 'zh-CN' : lang}>
          <input
            type="radio"
            name="rt-language"
            value={lang}
            checked={value === lang}
            onChange={() => chooseLanguage(lang)}
            className={classes.input}
          />
          <span>{LABELS[lang]}</span>
        </label>
      ))}
    </div>
  );
}
