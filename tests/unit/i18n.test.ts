import { expect, test } from 'vitest';
import { STRINGS } from '../../src/i18n/strings.ts';

function keys(value: unknown, prefix = ''): string[] {
  if (typeof value !== 'object' || value === null) return [prefix];
  return Object.entries(value).flatMap(([key, inner]) => keys(inner, prefix ? `${prefix}.${key}` : key));
}

test('English and Korean have the same keys, none empty', () => {
  expect(keys(STRINGS.ko).sort()).toEqual(keys(STRINGS.en).sort());
  const empty = (lang: 'en' | 'ko') => keys(STRINGS[lang]).filter((path) => {
    const value = path.split('.').reduce<unknown>((node, key) => (node as Record<string, unknown>)[key], STRINGS[lang]);
    return typeof value === 'string' && value.trim() === '';
  });
  expect(empty('en')).toEqual([]);
  expect(empty('ko')).toEqual([]);
});
