import { SegmentedControl } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { chooseLanguage, currentLanguage, isLanguage } from '@/lib/i18n';

const LABELS = { zh: '中文', ru: 'Рус', en: 'EN' } as const;

/** Switches the language in place (no reload); the choice is remembered on this device. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('app.language')}
      value={isLanguage(i18n.language) ? i18n.language : currentLanguage()}
      onChange={(value) => isLanguage(value) && chooseLanguage(value)}
      data={(['zh', 'ru', 'en'] as const).map((lang) => ({ value: lang, label: LABELS[lang] }))}
    />
  );
}
