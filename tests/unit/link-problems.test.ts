/**
 * Issue #20, "every message a Korean user can see is Korean": a link's problems are data (codes and
 * the link's text), and the notice words all of it in the page's language, the refusals of
 * settings included. One sample per kind and per code: a new one fails to compile here until it has one.
 */
import { describe, expect, test } from 'vitest';
import { LESSON_IDS } from '../../src/features/lessons/lessonIds.ts';
import { describeLinkProblems } from '../../src/features/share/linkProblems.ts';
import { type LinkProblem, type LinkRefusal, parseLink, THEORY_FIELDS } from '../../src/features/share/urlState.ts';
import { CONFIG_SCHEMA, FIELD_NAMES, type Refusal } from '../../src/gan/config.ts';
import { COMPARISON_IDS } from '../../src/gan/comparisons.ts';
import { PRESETS } from '../../src/gan/presets.ts';
import { en, ko } from '../../src/i18n/share.ts';

type ByKey<U, K extends keyof U> = { [C in U[K] & string]: U & Record<K, C> };

const seedRange = { kind: 'number', integer: true, min: 0, max: 2147483647 } as const;

/** The link's own reasons, and one reason of each shape the schema gives. */
const REFUSALS: ByKey<Exclude<LinkRefusal, Refusal>, 'code'> = {
  notAPreset: { code: 'notAPreset' },
  notALesson: { code: 'notALesson' },
  notAComparison: { code: 'notAComparison' },
  notAToggle: { code: 'notAToggle' },
  notATheoryLayer: { code: 'notATheoryLayer' },
  drawnData: { code: 'drawnData' },
};
const SETTING_REFUSALS: Refusal[] = [
  { code: 'notANumber', field: 'seed', value: '"abc"', allowed: seedRange },
  { code: 'outOfRange', field: 'seed', value: -1, allowed: seedRange },
  {
    code: 'notAllowed',
    field: 'objective',
    value: '"gan"',
    allowed: { kind: 'enum', values: ['minimax', 'nonSaturating'] },
  },
];

const PROBLEMS: ByKey<LinkProblem, 'kind'> = {
  refused: { kind: 'refused', field: 'seed', value: 'abc', refusal: SETTING_REFUSALS[0] },
  unknown: { kind: 'unknown', field: 'colour', value: 'red' },
  repeated: { kind: 'repeated', field: 'seed', count: 4, values: ['a', 'b', 'c'], refusal: SETTING_REFUSALS[0] },
  combination: {
    kind: 'combination',
    refusal: { code: 'conflict', field: 'configuration', conflict: 'dcganNeedsImages' },
  },
  tooLong: { kind: 'tooLong', length: 70_000, limit: 65_536 },
};

const SAMPLES: [string, LinkProblem][] = [
  ...Object.values(PROBLEMS).map((problem): [string, LinkProblem] => [problem.kind, problem]),
  ['repeated, one used', { kind: 'repeated', field: 'seed', count: 3, values: ['1', '2', 'abc'], used: '2' }],
  ...[...Object.values(REFUSALS), ...SETTING_REFUSALS].map((refusal): [string, LinkProblem] => [
    `refused ${refusal.code}`,
    { kind: 'refused', field: 'seed', value: 'abc', refusal },
  ]),
];

const HANGUL = /[가-힣]/;

/** Words a Korean sentence may spell in Latin letters: keys, values and ids as links spell them, and names of things. */
const NAMES = new Set<string>([
  ...FIELD_NAMES,
  ...Object.keys(PRESETS),
  ...LESSON_IDS,
  ...COMPARISON_IDS,
  ...THEORY_FIELDS,
  ...Object.values(CONFIG_SCHEMA).flatMap((spec) => (spec.kind === 'enum' ? spec.values : [])),
  'DCGAN',
  'MNIST',
]);

/** English words in a Korean sentence, once the link's quoted text is taken out: none should remain. */
function englishIn(korean: string): string[] {
  const words = korean.replace(/“[^”]*”|"[^"]*"/g, ' ').match(/[A-Za-z]{2,}/g) ?? [];
  return words.filter((word) => !NAMES.has(word));
}

describe('every link problem is worded in English and Korean', () => {
  test.each(SAMPLES)('%s', (_, problem) => {
    const [english] = describeLinkProblems([problem], en);
    const [korean] = describeLinkProblems([problem], ko);
    expect(english).not.toMatch(/\{\w+\}/);
    expect(english).not.toMatch(HANGUL);
    expect(korean).not.toMatch(/\{\w+\}/);
    expect(korean).toMatch(HANGUL);
    expect(englishIn(korean)).toEqual([]);
  });
});

describe('a bad link in Korean', () => {
  test('a bad seed and an unknown preset are Korean, with no English refusal, and English on the same data', () => {
    const { problems } = parseLink('#seed=abc&preset=nope');
    const korean = describeLinkProblems(problems, ko);
    expect(korean).toEqual([
      `링크의 “preset” 값 “nope”은(는) 쓸 수 없어(프리셋이 아닙니다. ${Object.keys(PRESETS).join(', ')} 중 하나여야 합니다) 기본값을 사용합니다.`,
      '링크의 “seed” 값 “abc”은(는) 쓸 수 없어(시드 (seed): "abc"은(는) 숫자가 아닙니다. 0에서 2147483647 사이의 정수여야 합니다) 기본값을 사용합니다.',
    ]);
    for (const sentence of korean) expect(englishIn(sentence)).toEqual([]);
    // The same problems in English: the notice rewords when the page's language changes.
    expect(describeLinkProblems(problems, en)).toEqual([
      `The link’s “preset” was “nope”, which cannot be used (not a preset; expected one of ${Object.keys(PRESETS).join(', ')}); the default is used instead.`,
      'The link’s “seed” was “abc”, which cannot be used (Seed (seed): "abc" is not a number; expected an integer from 0 to 2147483647); the default is used instead.',
    ]);
  });

  test('a repeated key with no usable value, a bad toggle and drawn data are Korean too', () => {
    const korean = describeLinkProblems(parseLink('#seed=a&seed=b&showArrows=maybe&dataset=custom').problems, ko);
    expect(korean).toHaveLength(3);
    for (const sentence of korean) {
      expect(sentence).toMatch(HANGUL);
      expect(englishIn(sentence)).toEqual([]);
    }
  });

  test('a value that reads like a placeholder is quoted as written', () => {
    expect(describeLinkProblems(parseLink(`#seed=${encodeURIComponent('{reason}')}`).problems, en)).toEqual([
      'The link’s “seed” was “{reason}”, which cannot be used (Seed (seed): "{reason}" is not a number; expected an integer from 0 to 2147483647); the default is used instead.',
    ]);
  });
});
