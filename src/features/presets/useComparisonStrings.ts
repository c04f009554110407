import { useContext } from 'react';
import * as comparisons from '../../i18n/comparisons.ts';
import { LanguageContext } from '../../i18n/useStrings.ts';

/**
 * Compare mode's words in the page's language (src/i18n/comparisons.ts, outside STRINGS like the
 * overview's: the namespace is read where it is used; tests/unit/comparisons.test.ts checks both
 * languages).
 */
export function useComparisonStrings() {
  return comparisons[useContext(LanguageContext)];
}
