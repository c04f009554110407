import katex from 'katex';
import { describe, expect, test } from 'vitest';
import { LESSON_IDS } from '../../src/features/lessons/lessonIds.ts';
import { LESSONS, lessonById } from '../../src/features/lessons/lessons.ts';
import { PROGRESS_KEY, parseProgress } from '../../src/features/lessons/progress.ts';
import { THEORY_TEX } from '../../src/features/formulas/theory.ts';
import { MENU_PRESETS } from '../../src/features/presets/menu.ts';
import { describeLinkProblems } from '../../src/features/share/linkProblems.ts';
import { parseLink } from '../../src/features/share/urlState.ts';
import { PRESETS } from '../../src/gan/presets.ts';
import * as lessonTexts from '../../src/i18n/lessonTexts.ts';
import { STRINGS } from '../../src/i18n/strings.ts';

describe('the lessons', () => {
  test('follow the notes in order, one per id, each id once, each with words and nothing else', () => {
    expect(LESSONS.map((lesson) => lesson.id)).toEqual([...LESSON_IDS]);
    expect(Object.keys(lessonTexts.en)).toEqual([...LESSON_IDS]);
    expect(Object.keys(lessonTexts.ko)).toEqual([...LESSON_IDS]);
    for (const id of LESSON_IDS) expect(lessonById(id).id).toBe(id);
  });

  test.each(LESSON_IDS)(
    '%s has its words in English and Korean: text, what to look at, a question, its answer, a note',
    (id) => {
      for (const language of ['en', 'ko'] as const) {
        const words = lessonTexts[language][id];
        expect(words.title.trim(), language).not.toBe('');
        expect(words.text.length, language).toBeGreaterThan(0);
        for (const paragraph of words.text) expect(paragraph.trim(), language).not.toBe('');
        expect(words.lookAt.trim(), language).not.toBe('');
        expect(words.question.trim(), language).not.toBe('');
        expect(words.answer.trim(), language).not.toBe('');
        expect(words.noteOnNotes.trim(), language).not.toBe('');
      }
      const en = lessonTexts.en[id];
      const ko = lessonTexts.ko[id];
      // Korean is written, not copied: every Korean field has Hangul, and as many paragraphs as English.
      expect(ko.text).toHaveLength(en.text.length);
      for (const text of [ko.title, ...ko.text, ko.lookAt, ko.question, ko.answer, ko.noteOnNotes])
        expect(text).toMatch(/[가-힣]/);
    },
  );

  test.each(LESSON_IDS)('%s has formulas that KaTeX renders without an error', (id) => {
    const { formulas } = lessonById(id);
    expect(formulas.length).toBeGreaterThan(0);
    for (const tex of formulas) {
      expect(tex.trim()).not.toBe('');
      // throwOnError: a formula KaTeX cannot parse fails here instead of showing red source on the page.
      const html = katex.renderToString(tex, { displayMode: true, throwOnError: true, output: 'htmlAndMathml' });
      expect(html).toContain('<math');
    }
  });

  test("the formula card's theory (V, Nash, D*, W and its dual) renders too", () => {
    for (const tex of Object.values(THEORY_TEX))
      expect(katex.renderToString(tex, { displayMode: true, throwOnError: true })).toContain('katex');
  });

  test('every preset a lesson loads exists and is in the classroom menu (so it has a name and a card)', () => {
    for (const lesson of LESSONS) {
      for (const preset of lesson.presets) {
        expect(Object.hasOwn(PRESETS, preset), `${lesson.id}: ${preset}`).toBe(true);
        expect(MENU_PRESETS, `${lesson.id}: ${preset}`).toContain(preset);
      }
      // Every lesson offers a run to load (DCGAN's also the explainer).
      expect(lesson.presets.length, lesson.id).toBeGreaterThan(0);
    }
  });

  test('a failure lesson offers its failure and then its fix', () => {
    for (const id of ['nonConvergence', 'modeCollapse', 'vanishingGradients', 'lsgan', 'wgan'] as const) {
      const kinds = lessonById(id).presets.map((preset) => PRESETS[preset].kind);
      expect(kinds[0], id).toBe('failure');
      expect(kinds.at(-1), id).toBe('fix');
    }
  });
});

describe('a link opens a lesson', () => {
  test.each(LESSON_IDS)('#lesson=%s is accepted, with no problem and no change to the run', (id) => {
    const parsed = parseLink(`#lesson=${id}`);
    expect(parsed.problems).toEqual([]);
    expect(parsed.state.lesson).toBe(id);
    expect(parsed.state.config).toEqual(parseLink('').state.config);
  });

  test('any other value is refused, naming the field and the allowed values, in English and Korean', () => {
    for (const bad of ['nope', 'WGAN', 'lesson', '', 'game ', '__proto__']) {
      const parsed = parseLink(`#lesson=${encodeURIComponent(bad)}`);
      expect(parsed.state.lesson, bad).toBeUndefined();
      expect(parsed.problems, bad).toEqual([
        { kind: 'refused', field: 'lesson', value: bad, refusal: { code: 'notALesson' } },
      ]);
    }
    const { problems } = parseLink('#lesson=nope');
    const [english] = describeLinkProblems(problems, STRINGS.en.share);
    const [korean] = describeLinkProblems(problems, STRINGS.ko.share);
    expect(english).toContain('“lesson”');
    expect(english).toContain('not a lesson');
    expect(korean).toContain('수업이 아닙니다');
    for (const sentence of [english, korean]) for (const id of LESSON_IDS) expect(sentence).toContain(id);
  });

  test('a lesson travels beside the settings, and a bad setting does not lose it', () => {
    const parsed = parseLink('#lesson=wgan&seed=abc');
    expect(parsed.state.lesson).toBe('wgan');
    expect(parsed.problems.map((problem) => problem.kind)).toEqual(['refused']);
  });
});

describe('progress kept on the device', () => {
  test('reads back what was stored, lesson ids only', () => {
    expect(PROGRESS_KEY).toBe('nash.lessons');
    expect(parseProgress(JSON.stringify({ opened: ['game', 'wgan'], answered: ['wgan'] }))).toEqual({
      opened: ['game', 'wgan'],
      answered: ['wgan'],
    });
  });

  test('a damaged or foreign value is ignored, id by id', () => {
    expect(parseProgress(null)).toEqual({ opened: [], answered: [] });
    expect(parseProgress('not json')).toEqual({ opened: [], answered: [] });
    expect(parseProgress('"game"')).toEqual({ opened: [], answered: [] });
    expect(parseProgress('null')).toEqual({ opened: [], answered: [] });
    expect(parseProgress(JSON.stringify({ opened: ['game', 'nope', 3, 'game'], answered: 'wgan' }))).toEqual({
      opened: ['game'],
      answered: [],
    });
  });
});
