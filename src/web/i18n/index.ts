import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.js';
import { type Messages, zhCN } from './zh-CN.js';

export const languages = ['zh-CN', 'en'] as const;
export type Language = (typeof languages)[number];

const storageKey = 'jiugai.language';

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation';
    resources: { translation: Messages };
  }
}

function isLanguage(value: unknown): value is Language {
  return languages.includes(value as Language);
}

function storedLanguage(): Language {
  try {
    const saved = localStorage.getItem(storageKey);
    if (isLanguage(saved)) return saved;
  } catch {
    // Storage can be unavailable (private mode); the default language still works.
  }
  return 'zh-CN';
}

/** The interface language now in use, always one of `languages`. */
export function currentLanguage(): Language {
  return isLanguage(i18n.language) ? i18n.language : 'zh-CN';
}

/** Switch the interface language and remember the choice on this device. */
export async function setLanguage(language: Language): Promise<void> {
  await i18n.changeLanguage(language);
}

function applyLanguage(language: string) {
  document.documentElement.lang = language;
  document.title = i18n.t('app.fullName');
  dayjs.locale(language === 'en' ? 'en' : 'zh-cn');
}

i18n.on('languageChanged', (language) => {
  applyLanguage(language);
  try {
    localStorage.setItem(storageKey, language);
  } catch {
    // Not remembering the choice is acceptable.
  }
});

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: storedLanguage(),
  fallbackLng: 'zh-CN',
  supportedLngs: [...languages],
  interpolation: { escapeValue: false },
  returnNull: false,
});
applyLanguage(i18n.language);

export default i18n;
