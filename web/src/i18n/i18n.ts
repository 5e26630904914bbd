import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

/** English and French; dates and numbers through Intl for the chosen locale. */
export const LOCALES = ['en', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

const STORAGE_KEY = 'examdesk.locale';

export const initialLocale = (): Locale => {
  const saved = window.localStorage.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'fr') return saved;
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en';
};

export const saveLocale = (locale: Locale) => {
  window.localStorage.setItem(STORAGE_KEY, locale);
  document.documentElement.lang = locale;
};

/** A message: text with {name} placeholders, or a function of the values (plurals). */
type Message = string | ((v: Record<string, string | number>) => string);
/** Messages of one area in English, and the same keys in French (the compiler checks both). */
export type Messages<K extends string> = { en: Record<K, Message>; fr: Record<K, Message> };

export const defineMessages = <K extends string>(m: Messages<K>): Messages<K> => m;

export const LocaleContext = createContext<{ locale: Locale; setLocale: (l: Locale) => void }>({
  locale: 'en',
  setLocale: () => undefined,
});

export const useLocale = () => useContext(LocaleContext);

const render = (message: Message, values: Record<string, string | number>) =>
  typeof message === 'function'
    ? message(values)
    : message.replace(/\{(\w+)\}/g, (_m, name: string) => String(values[name] ?? `{${name}}`));

/** `const t = useT(messages); t('key', { n: 3 })` in the current locale. */
export const useT = <K extends string>(messages: Messages<K>) => {
  const { locale } = useLocale();
  return (key: K, values: Record<string, string | number> = {}) => render(messages[locale][key], values);
};
