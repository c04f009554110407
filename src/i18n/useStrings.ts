import { createContext, useContext } from 'react';
import { type Language, STRINGS } from './strings.ts';

export const LanguageContext = createContext<Language>('en');

/** The strings of the current language, e.g. `useStrings().app.title`. */
export function useStrings() {
  return STRINGS[useContext(LanguageContext)];
}

/**
 * The current language's half of a namespace that only a lazily loaded chunk imports, kept out of
 * STRINGS so its words stay off the page's first download: `useWords(explainer).title` with
 * `import * as explainer from '../../i18n/explainer.ts'`. tests/unit/i18n.test.ts checks them too.
 */
export function useWords<Words>(namespace: Record<Language, Words>): Words {
  return namespace[useContext(LanguageContext)];
}

const STORAGE_KEY = 'nash.language';

/** The remembered language, else the browser's (Korean for any ko-* locale), else English. */
export function initialLanguage(): Language {
  const saved = globalThis.localStorage?.getItem(STORAGE_KEY);
  if (saved === 'en' || saved === 'ko') return saved;
  return globalThis.navigator?.language?.toLowerCase().startsWith('ko') ? 'ko' : 'en';
}

export function rememberLanguage(language: Language): void {
  globalThis.localStorage?.setItem(STORAGE_KEY, language);
}
