/**
 * Issue #20: a run file's refusal reached the Korean page as an English clause inside the Korean
 * "Could not load …" sentence. Refusals are codes now (runFile.ts's RunRefusal), worded on the page
 * (runRefusal.ts, src/i18n/share.ts): every code in English and in Korean, each keeping what the
 * file said (the field, the quoted value, the range).
 */
import { describe, expect, test } from 'vitest';
import { decodeRunFile, MAX_COUNT, MAX_RUN_FILE_BYTES, type RunRefusal } from '../../src/features/share/runFile.ts';
import { describeRunRefusal } from '../../src/features/share/runRefusal.ts';
import { en, ko } from '../../src/i18n/share.ts';

type Code = RunRefusal['code'];

/** One refusal of every code: the type fails to compile when a code is missing. */
const EXAMPLES: { [C in Code]: Extract<RunRefusal, { code: C }> } = {
  empty: { code: 'empty' },
  tooLarge: { code: 'tooLarge', bytes: 200 * 1024 * 1024, limit: MAX_RUN_FILE_BYTES },
  unreadable: { code: 'unreadable', detail: 'NotReadableError: gone' },
  readerStopped: { code: 'readerStopped' },
  notJson: { code: 'notJson' },
  notRunFile: { code: 'notRunFile' },
  fileVersion: { code: 'fileVersion', value: '"seven"', reads: 1 },
  settings: {
    code: 'settings',
    refusals: [
      {
        code: 'notANumber',
        field: 'seed',
        value: '"abc"',
        allowed: { kind: 'number', integer: true, min: 0, max: 2147483647 },
      },
    ],
  },
  notCount: { code: 'notCount', field: 'stats[3].iteration', value: '1e+300', max: MAX_COUNT },
  noStepCounts: { code: 'noStepCounts' },
  snapshotVersion: { code: 'snapshotVersion', value: '99', reads: 1 },
  statsNotList: { code: 'statsNotList' },
  tooManyPoints: { code: 'tooManyPoints', count: 450_000, limit: 6_000 },
  pointNotObject: { code: 'pointNotObject', index: 7 },
  notChartValue: { code: 'notChartValue', field: 'stats[0].gLoss', value: 'Infinity' },
  noWeights: { code: 'noWeights' },
  tooManyWeights: { code: 'tooManyWeights', count: 1_001, limit: 1_000 },
  unnamedWeight: { code: 'unnamedWeight' },
  noShape: { code: 'noShape', name: '"generator.0"' },
  tooManyDimensions: { code: 'tooManyDimensions', name: '"generator.0"', count: 6, limit: 4 },
  shapeNotCount: { code: 'shapeNotCount', name: '"generator.0"', index: 1, value: '-2', max: MAX_COUNT },
  wrongSize: { code: 'wrongSize', name: '"generator.0"', size: 6 },
  emptyEntry: { code: 'emptyEntry' },
};

/** What each refusal must repeat in either language: the file's words and numbers (sizes in MB; a count's range is checked below). */
function kept(refusal: RunRefusal): string[] {
  if (refusal.code === 'tooLarge') return ['200.0 MB', '128.0 MB'];
  return Object.entries(refusal)
    .filter(([key, value]) => key !== 'code' && key !== 'max' && typeof value !== 'object')
    .map(([, value]) => (typeof value === 'number' ? value.toLocaleString('en') : String(value)));
}

const HANGUL = /[\uac00-\ud7a3]/;

describe('run-file refusals in English and Korean', () => {
  test('every code has a wording in both languages, and no other', () => {
    const codes = Object.keys(EXAMPLES).sort();
    expect(Object.keys(en.runRefusals).sort()).toEqual(codes);
    expect(Object.keys(ko.runRefusals).sort()).toEqual(codes);
  });

  test.each(Object.values(EXAMPLES))(
    '$code: a Korean clause and an English one, each with the file’s values and no placeholder left',
    (refusal) => {
      const english = describeRunRefusal(refusal, en);
      const korean = describeRunRefusal(refusal, ko);
      expect(english).not.toMatch(HANGUL);
      expect(korean).toMatch(HANGUL);
      expect(korean).not.toBe(english);
      for (const text of [english, korean]) {
        expect(text).not.toMatch(/\{\w+\}|undefined|NaN/);
        for (const value of kept(refusal)) expect(text).toContain(value);
      }
    },
  );

  test('the range of a count is named in both: 2^52, written out', () => {
    expect(describeRunRefusal(EXAMPLES.notCount, en)).toBe(
      'stats[3].iteration is 1e+300, not a whole number from 0 to 2^52 (4,503,599,627,370,496)',
    );
    expect(describeRunRefusal(EXAMPLES.notCount, ko)).toBe(
      'stats[3].iteration 값 1e+300은(는) 0부터 2^52(4,503,599,627,370,496)까지의 정수가 아닙니다',
    );
  });

  test('a file’s settings are worded by the settings’ own strings, in Korean too', () => {
    const decoded = decodeRunFile(
      JSON.stringify({ kind: 'nash-run', version: 1, config: { seed: 'x'.repeat(1_000) } }),
    );
    expect(decoded.ok).toBe(false);
    if (decoded.ok) return;
    expect(describeRunRefusal(decoded.refusal, en)).toBe(
      `its settings are not valid: Seed (seed): "${'x'.repeat(39)}… is not a number; expected an integer from 0 to 2147483647`,
    );
    const korean = describeRunRefusal(decoded.refusal, ko);
    expect(korean).toMatch(/^설정이 올바르지 않습니다: 시드 \(seed\): /);
    expect(korean).not.toMatch(/is not a number|expected/);
  });

  test("text from the file goes in as written: $& and $' are not replacement patterns", () => {
    expect(describeRunRefusal({ code: 'noShape', name: '"$&$\'"' }, en)).toBe('"$&$\'" has no shape');
  });
});
