/**
 * The Lessons tab in Chromium (wasm), one page for the whole file: every lesson renders its formula
 * and its question, an answer is revealed, a lesson's button loads its preset into the playground and
 * trains it, a link opens a lesson, progress survives a reload, and the lesson reads in Korean; then
 * every lesson, opened by its link, loads its run (the preset's settings, and the two MNIST lessons'
 * runs train) and the DCGAN lesson opens the explainer.
 * Names: tests/e2e/README.md, "Lessons".
 */
import { expect, inject, test } from 'vitest';
import type { Page } from 'playwright-core';
import { LESSON_IDS, type LessonId } from '../../src/features/lessons/lessonIds.ts';
import { LESSONS } from '../../src/features/lessons/lessons.ts';
import type { MenuPresetId } from '../../src/features/presets/menu.ts';
import { PRESETS } from '../../src/gan/presets.ts';
import * as appWords from '../../src/i18n/app.ts';
import { en as presetWords } from '../../src/i18n/presets.ts';
import * as texts from '../../src/i18n/lessonTexts.ts';
import { en, ko } from '../../src/i18n/lessons.ts';
import { iteration, screenshot, sharePage } from './playground-page.ts';
import { waitFor } from './training.ts';

let page: Page;
let errors: string[];
sharePage({ width: 1280, height: 720 }, {}, (opened) => ({ page, errors } = opened));

const lessons = () => page.getByRole('region', { name: 'Lessons', exact: true });
const heading = (title: string) => lessons().getByRole('heading', { level: 2, name: title, exact: true });

test('walks every lesson, loads a preset that trains, opens a lesson by link, keeps progress, reads in Korean', async () => {
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await heading(texts.en.game.title).waitFor();
  const list = lessons().getByRole('navigation', { name: en.list });

  for (const id of LESSON_IDS) {
    const words = texts.en[id];
    await list.getByRole('button', { name: words.title }).click();
    await heading(words.title).waitFor();
    await expect(list.getByRole('button', { name: words.title }).getAttribute('aria-current')).resolves.toBe('page');
    // The formula is rendered (KaTeX's MathML), and the question is asked.
    const formula = lessons().getByRole('figure', { name: 'Formula' });
    await formula.getByRole('math').first().waitFor({ state: 'attached' });
    await expect(lessons().getByRole('heading', { name: 'Question', exact: true }).isVisible()).resolves.toBe(true);
    await expect(lessons().getByText(words.question, { exact: true }).isVisible()).resolves.toBe(true);
    await expect(lessons().getByRole('heading', { name: 'A note on the notes' }).isVisible()).resolves.toBe(true);
  }
  await expect(lessons().getByText('12 of 12 opened, 0 answered', { exact: false }).isVisible()).resolves.toBe(true);
  // Previous and next walk the same order.
  await lessons().getByRole('button', { name: 'Previous lesson', exact: true }).click();
  await heading(texts.en.cgan.title).waitFor();

  // Reveal one answer: the vanishing-gradient lesson's.
  const vanishing = texts.en.vanishingGradients;
  await list.getByRole('button', { name: vanishing.title }).click();
  await expect(lessons().getByText(vanishing.answer).isVisible()).resolves.toBe(false);
  await lessons().getByRole('button', { name: 'Show answer' }).click();
  await expect(lessons().getByText(vanishing.answer).isVisible()).resolves.toBe(true);
  await expect(list.getByRole('button', { name: `${vanishing.title} (answered)` }).count()).resolves.toBe(1);
  await screenshot(page, 'lessons-en');

  // Its failure's button loads the preset into the playground, which shows it and trains.
  await lessons().getByRole('button', { name: 'Load “Vanishing gradients”' }).click();
  await expect(page.getByRole('tab', { name: 'Playground' }).getAttribute('aria-selected')).resolves.toBe('true');
  await expect
    .poll(() => page.getByRole('combobox', { name: 'Preset', exact: true }).inputValue(), { timeout: 10_000 })
    .toBe('vanishingGradients');
  await expect(page.getByRole('region', { name: 'Preset: Vanishing gradients' }).isVisible()).resolves.toBe(true);
  await expect.poll(() => iteration(page), { timeout: 15_000 }).toBeGreaterThan(20);
  await page.evaluate(() => window.nash!.training.pause());

  // A lesson's link pasted into the open page opens the lesson and leaves the run alone.
  await page.waitForFunction(() => window.nash!.training.getSnapshot().state === 'paused');
  const iterationNow = () => page.evaluate(() => window.nash!.training.getSnapshot().iteration);
  const before = await iterationNow();
  const configBefore = await page.evaluate(() => window.nash!.training.getSnapshot().config);
  await page.evaluate(() => {
    location.hash = '#lesson=cgan';
  });
  await heading(texts.en.cgan.title).waitFor();
  await expect(page.getByRole('tab', { name: 'Lessons' }).getAttribute('aria-selected')).resolves.toBe('true');
  await expect(iterationNow()).resolves.toBe(before);
  // The address bar holds the run's link again, and the run's settings did not change.
  await expect.poll(() => page.evaluate(() => location.hash)).toContain('dataset=ring');
  await expect(page.evaluate(() => window.nash!.training.getSnapshot().config)).resolves.toEqual(configBefore);

  // A link opens a lesson, and the progress of the page before is still there. The query makes it
  // a fresh load: the same address with another hash would only change the hash of this document.
  await page.goto(`${inject('baseURL')}?reloaded#lesson=wgan`);
  await heading(texts.en.wgan.title).waitFor();
  await expect(page.getByRole('tab', { name: 'Lessons' }).getAttribute('aria-selected')).resolves.toBe('true');
  await expect(list.getByRole('button', { name: `${vanishing.title} (answered)` }).count()).resolves.toBe(1);
  await expect(lessons().getByText('12 of 12 opened, 1 answered', { exact: false }).isVisible()).resolves.toBe(true);
  await waitFor(page, 'ready', 30_000);

  // In Korean: the same lesson, in Korean words.
  await page.getByLabel('Language').selectOption('ko');
  const korean = page.getByRole('region', { name: ko.region, exact: true });
  await korean.getByRole('heading', { level: 2, name: texts.ko.wgan.title }).waitFor();
  await expect(korean.getByText(texts.ko.wgan.question, { exact: true }).isVisible()).resolves.toBe(true);
  await expect(korean.getByRole('heading', { name: ko.noteOnNotes }).isVisible()).resolves.toBe(true);
  await screenshot(page, 'lessons-ko');
  expect(errors).toEqual([]);
});

/** Runs whose Iteration readout is watched rising after the lesson loads them: the two MNIST lessons' own. */
const TRAINED = new Set<string>(['dcganMnist', 'infoganMnist']);

test('every lesson, opened by its link, loads its run into the playground (the DCGAN lesson also its explainer)', async () => {
  // The test before leaves the page in Korean.
  await page.getByLabel(new RegExp(`^(${appWords.en.language}|${appWords.ko.language})$`)).selectOption('en');
  const snapshot = () =>
    page.evaluate(() => {
      const s = window.nash!.training.getSnapshot();
      return { run: s.run, config: s.config };
    });
  const openLesson = async (id: LessonId) => {
    await page.evaluate((lesson) => {
      location.hash = `#lesson=${lesson}`;
    }, id);
    await heading(texts.en[id].title).waitFor();
  };
  const loadButton = (id: MenuPresetId) =>
    lessons().getByRole('button', { name: `Load “${presetWords.presets[id].name}”`, exact: true });
  for (const lesson of LESSONS) {
    await openLesson(lesson.id);
    // Every run of the lesson has its button; the first (a failure lesson's failure) is loaded.
    for (const id of lesson.presets) await expect(loadButton(id).count(), `${lesson.id}: ${id}`).resolves.toBe(1);
    const [id] = lesson.presets;
    const before = (await snapshot()).run;
    await loadButton(id).click();
    await expect(page.getByRole('tab', { name: 'Playground' }).getAttribute('aria-selected')).resolves.toBe('true');
    // A new run, training; the picker names the preset, the Dataset menu shows its data, the run has its settings.
    await page.waitForFunction(
      (run) => {
        const s = window.nash!.training.getSnapshot();
        return s.run > run && s.phase === 'ready' && s.state === 'playing';
      },
      before,
      { timeout: 30_000, polling: 50 },
    );
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Preset', exact: true }).inputValue(), { timeout: 10_000 })
      .toBe(id);
    const preset = PRESETS[id];
    await expect(page.getByRole('combobox', { name: 'Dataset', exact: true }).inputValue()).resolves.toBe(
      preset.config.dataset,
    );
    expect((await snapshot()).config, `${lesson.id}: ${id}`).toMatchObject(preset.config);
    if (TRAINED.has(id)) await expect.poll(() => iteration(page), { timeout: 20_000 }).toBeGreaterThan(0);
    await page.evaluate(() => window.nash!.training.pause());
    if (lesson.explainer) {
      await openLesson(lesson.id);
      await lessons().getByRole('button', { name: en.openExplainer, exact: true }).click();
      await expect(
        page.getByRole('tab', { name: 'Transposed convolution' }).getAttribute('aria-selected'),
      ).resolves.toBe('true');
      await page.getByRole('grid', { name: 'Transposed matrix Cᵀ' }).waitFor();
    }
  }
  // The link of the lesson opened last, pasted again after another was chosen in the list, opens it again.
  const last = LESSONS[LESSONS.length - 1].id;
  await page.getByRole('tab', { name: 'Lessons' }).click();
  await lessons().getByRole('navigation', { name: en.list }).getByRole('button', { name: texts.en.game.title }).click();
  await heading(texts.en.game.title).waitFor();
  await openLesson(last);
  expect(errors).toEqual([]);
});
