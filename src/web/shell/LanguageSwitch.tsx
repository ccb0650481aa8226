import { Segmented } from 'antd';
import { useTranslation } from 'react-i18next';
import { currentLanguage, type Language, setLanguage } from '../i18n/index.js';

/** 中文 / English toggle, for pages without the user menu (the login page). */
export function LanguageSwitch() {
  const { t } = useTranslation(); // re-renders on a language change
  const value = currentLanguage();
  return (
    <Segmented<Language>
      aria-label={t('language.label')}
      value={value}
      onChange={(language) => void setLanguage(language)}
      options={[
        { value: 'zh-CN', label: t('language.zhCN') },
        { value: 'en', label: t('language.en') },
      ]}
    />
  );
}
