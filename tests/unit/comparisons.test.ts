/**
 * Compare mode's pure parts (issue 18): the comparison presets refer to real presets (a failure and
 * its fix) and have cards in both languages; two runs' chart rows merge so that each run's line is
 * unbroken and its readout and summary find its own values; the settings that differ are listed.
 */
import { describe, expect, test } from 'vitest';
import { COMPARISON_IDS, COMPARISONS, isComparison } from '../../src/gan/comparisons.ts';
import { defaultConfig, FIELD_NAMES } from '../../src/gan/config.ts';
import { type Preset, PRESETS } from '../../src/gan/presets.ts';
import { en, ko } from '../../src/i18n/comparisons.ts';
import { en as presetsEn } from '../../src/i18n/presets.ts';
import { linePath, mergeRuns, nearestWith } from '../../src/features/charts/lines.ts';
import type { Row } from '../../src/features/charts/downsample.ts';
import { differingFields } from '../../src/features/controls/differences.ts';
import { LESSONS } from '../../src/features/lessons/lessons.ts';
import { MENU_PRESETS } from '../../src/features/presets/menu.ts';
import { describeLinkProblems } from '../../src/features/share/linkProblems.ts';
import { parseLink, presetConfig, serializeLink } from '../../src/features/share/urlState.ts';
import { en as shareEn, ko as shareKo } from '../../src/i18n/share.ts';

describe('comparison presets', () => {
  test('each pairs a failure (A) with its fix (B), both real presets in the menu', () => {
    expect(COMPARISON_IDS).toHaveLength(6);
    for (const id of COMPARISON_IDS) {
      const { a, b } = COMPARISONS[id];
      expect(PRESETS[a].kind, `${id}: A`).toBe('failure');
      expect(PRESETS[b].kind, `${id}: B`).toBe('fix');
      expect(MENU_PRESETS).toContain(a);
      expect(MENU_PRESETS).toContain(b);
      // The fix keeps quiet what the failure shows: each run's diagnostics can tell them apart.
      const shows = (preset: Preset): readonly string[] => preset.shows ?? [];
      expect(
        shows(PRESETS[a]).some((detector) => shows(PRESETS[b]).includes(detector)),
        id,
      ).toBe(true);
    }
  });

  test('are named as the issue names them and carry a card in English and Korean', () => {
    expect(COMPARISON_IDS.map((id) => en.comparisons[id].name)).toEqual([
      'Mode collapse: strong D vs balanced',
      'Vanishing gradients: saturating vs non-saturating loss',
      'GAN vs LSGAN',
      'WGAN clip: too tight vs right',
      'Weak D vs balanced',
      'Oscillation: hasty vs calm',
    ]);
    for (const id of COMPARISON_IDS)
      for (const strings of [en, ko]) {
        expect(strings.comparisons[id].name.trim()).not.toBe('');
        expect(strings.comparisons[id].text.length).toBeGreaterThan(60);
      }
    // Korean is written, not copied.
    for (const id of COMPARISON_IDS) expect(ko.comparisons[id].text).not.toBe(en.comparisons[id].text);
    // No comparison takes a single preset's name: the menu tells them apart.
    const single = Object.values(presetsEn.presets).map((p) => p.name);
    for (const id of COMPARISON_IDS) expect(single).not.toContain(en.comparisons[id].name);
  });

  test("compare mode's every word is there in both languages, none empty", () => {
    const leaves = (value: unknown, path = ''): [string, unknown][] =>
      typeof value === 'object' && value !== null
        ? Object.entries(value).flatMap(([key, inner]) => leaves(inner, path ? `${path}.${key}` : key))
        : [[path, value]];
    const words = (strings: typeof en) =>
      leaves(strings).map(([path, value]) => [path, typeof value === 'function' ? value('X', 'Y') : value] as const);
    expect(words(ko).map(([path]) => path)).toEqual(words(en).map(([path]) => path));
    for (const [path, text] of [...words(en), ...words(ko)]) expect(String(text).trim(), path).not.toBe('');
  });

  test('ids are checked', () => {
    expect(isComparison('wganClip')).toBe(true);
    expect(isComparison('wganClipTight')).toBe(false);
    expect(isComparison('constructor')).toBe(false);
  });
});

describe("two runs' rows on one axis", () => {
  const a: Row[] = [
    { iteration: 0, loss: 1 },
    { iteration: 10, loss: 2 },
    { iteration: 20, loss: null },
    { iteration: 30, loss: 4 },
  ];
  const b: Row[] = [
    { iteration: 5, loss: 5 },
    { iteration: 15, loss: 6 },
    { iteration: 25, loss: 7 },
  ];
  const merged = mergeRuns(a, b, ['loss'], '@B');
  const x = (v: unknown) => Number(v);
  const y = (v: unknown) => 100 - Number(v);

  test('merge in order of iteration, B renamed, each row one run', () => {
    expect(merged.map((r) => r.iteration)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(merged[1]).toEqual({ iteration: 5, 'loss@B': 5 });
    expect(merged[0]).toBe(a[0]);
  });

  test("each run's line runs through its own rows unbroken; A's gap (null) still breaks A's", () => {
    expect(linePath(merged, 'loss@B', x, y)).toBe('M5.0,95.0L15.0,94.0L25.0,93.0');
    expect(linePath(merged, 'loss', x, y)).toBe('M0.0,99.0L10.0,98.0M30.0,96.0');
  });

  test("the readout finds each run's nearest own value", () => {
    expect(nearestWith(merged, 'loss@B', 11)?.iteration).toBe(15);
    expect(nearestWith(merged, 'loss', 14)?.iteration).toBe(10);
    expect(nearestWith(merged, 'missing', 14)).toBeUndefined();
  });
});

describe('the settings that differ', () => {
  test('listed in the schema order; none for equal runs', () => {
    const a = defaultConfig();
    expect(differingFields(a, { ...a })).toEqual([]);
    const b = { ...a, clipValue: 0.001, seed: a.seed + 6 };
    expect(differingFields(a, b)).toEqual(FIELD_NAMES.filter((f) => f === 'clipValue' || f === 'seed'));
    expect(differingFields(b, a)).toEqual(differingFields(a, b));
  });
});

describe('a compare-mode link', () => {
  const a = presetConfig('wganClipTight');
  const b = presetConfig('wganClip');

  test('round-trips both configurations; only what B changes is written, under b.', () => {
    const hash = serializeLink({ config: a, compare: { config: b, comparison: 'wganClip' } });
    expect(hash).toContain('compare=wganClip');
    expect([...new URLSearchParams(hash.slice(1)).keys()].filter((key) => key.startsWith('b.'))).toEqual([
      'b.clipValue',
    ]);
    const parsed = parseLink(hash);
    expect(parsed.problems).toEqual([]);
    expect(parsed.state.config).toEqual(a);
    expect(parsed.state.compare).toEqual({ config: b, comparison: 'wganClip' });
  });

  test('any pair of configurations round-trips; a changed run is no longer the comparison', () => {
    const changed = { ...b, seed: 9, generatorLearningRate: 0.0025 };
    const parsed = parseLink(serializeLink({ config: a, compare: { config: changed, comparison: 'wganClip' } }));
    expect(parsed.state.compare).toEqual({ config: changed, comparison: undefined });
    expect(serializeLink({ config: a, compare: { config: changed, comparison: 'wganClip' } })).toContain('compare=1');
    // A single run's link carries no compare mode.
    expect(parseLink(serializeLink({ config: a })).state.compare).toBeUndefined();
  });

  test("refuses bad values in B as in A, naming the field with B's prefix; B keeps A's value there", () => {
    const parsed = parseLink('#objective=wgan&compare=1&b.clipValue=abc&b.batchSize=-3');
    expect(parsed.state.compare?.config.clipValue).toBe(parsed.state.config.clipValue);
    expect(parsed.problems.map((p) => (p.kind === 'refused' ? p.field : p.kind))).toEqual([
      'b.clipValue',
      'b.batchSize',
    ]);
    const sentences = describeLinkProblems(parsed.problems, shareEn);
    expect(sentences[0]).toContain('b.clipValue');
    expect(describeLinkProblems(parseLink('#compare=nope').problems, shareKo)[0]).toContain('modeCollapse');
    expect(parseLink('#compare=nope').state.compare).toBeUndefined();
  });
});

describe('the lessons', () => {
  test("a lesson's 'Compare both' opens its own failure and fix", () => {
    const withComparison = LESSONS.filter((lesson) => lesson.comparison);
    expect(withComparison.length).toBe(6);
    for (const lesson of withComparison) {
      const pair = COMPARISONS[lesson.comparison!];
      expect(lesson.presets[0], lesson.id).toBe(pair.a);
      expect(lesson.presets.at(-1), lesson.id).toBe(pair.b);
    }
  });
});
