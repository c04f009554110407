import { useContext, useEffect, useId, useState } from 'react';
import { useStore } from '../../client/useStore.ts';
import type { ComparisonId } from '../../gan/comparisons.ts';
import { PRESETS } from '../../gan/presets.ts';
import * as comparisons from '../../i18n/comparisons.ts';
import * as lessonTexts from '../../i18n/lessonTexts.ts';
import { LanguageContext, useStrings, useWords } from '../../i18n/useStrings.ts';
import { Tex, useRenderTex } from '../formulas/Tex.tsx';
import type { MenuPresetId } from '../presets/menu.ts';
import type { LessonId } from './lessonIds.ts';
import { type Lesson, LESSONS, lessonById } from './lessons.ts';
import { lessonProgress, markLesson } from './progress.ts';
import './lessons.css';

export interface LessonsPageProps {
  /** The lesson to open first (a `#lesson=` link); else the first. */
  readonly initial?: LessonId;
  /** Loads a preset into the playground and shows it (App.tsx). */
  readonly onPreset: (id: MenuPresetId, comparison?: ComparisonId) => void;
  /** Shows the Transposed convolution tab. */
  readonly onExplainer: () => void;
}

/**
 * The lessons, one at a time, beside their list in the notes' order with what this device has
 * opened and answered. Every lesson is data (lessons.ts) rendered by this one component.
 */
export function LessonsPage({ initial, onPreset, onExplainer }: LessonsPageProps) {
  const t = useStrings().lessons;
  const texts = useLessonTexts();
  const [current, setCurrent] = useState<LessonId>(initial ?? LESSONS[0].id);
  const progress = useStore(lessonProgress);
  const index = LESSONS.findIndex((lesson) => lesson.id === current);

  useEffect(() => markLesson(current, 'opened'), [current]);

  return (
    <div className="lessons" role="region" aria-label={t.region}>
      <nav className="lesson-list" aria-label={t.list}>
        <p className="lesson-progress">
          {t.progress(progress.opened.length, progress.answered.length, LESSONS.length)}
        </p>
        <ol>
          {LESSONS.map((lesson) => {
            const answered = progress.answered.includes(lesson.id);
            const opened = answered || progress.opened.includes(lesson.id);
            return (
              <li key={lesson.id}>
                <button
                  type="button"
                  aria-current={lesson.id === current ? 'page' : undefined}
                  onClick={() => setCurrent(lesson.id)}
                >
                  <span>{texts[lesson.id].title}</span>
                  <span
                    className={`lesson-mark${answered ? ' answered' : opened ? ' opened' : ''}`}
                    title={answered ? t.answered : opened ? t.opened : undefined}
                  >
                    <span aria-hidden="true">{answered ? '✓' : opened ? '•' : ''}</span>
                    {opened ? <span className="visually-hidden"> ({answered ? t.answered : t.opened})</span> : null}
                  </span>
                </button>
              </li>
            );
          })}
        </ol>
      </nav>
      <LessonView
        key={current}
        lesson={lessonById(current)}
        index={index}
        onPreset={onPreset}
        onExplainer={onExplainer}
        onGo={(step) => setCurrent(LESSONS[index + step].id)}
      />
    </div>
  );
}

/** Each lesson's words in the page's language (lessonTexts.ts: only this chunk loads them). */
function useLessonTexts() {
  return lessonTexts[useContext(LanguageContext)];
}

function LessonView({
  lesson,
  index,
  onPreset,
  onExplainer,
  onGo,
}: {
  lesson: Lesson;
  index: number;
  onPreset: (id: MenuPresetId, comparison?: ComparisonId) => void;
  onExplainer: () => void;
  onGo: (step: -1 | 1) => void;
}) {
  const strings = useStrings();
  const t = strings.lessons;
  const c = useWords(comparisons);
  const words = useLessonTexts()[lesson.id];
  const render = useRenderTex();
  const [revealed, setRevealed] = useState(false);
  const id = useId();
  const toggleAnswer = () => {
    setRevealed(!revealed);
    markLesson(lesson.id, 'answered');
  };

  return (
    <article className="lesson" aria-labelledby={`${id}-title`}>
      <p className="lesson-count">{t.of(index + 1, LESSONS.length)}</p>
      <h2 id={`${id}-title`}>{words.title}</h2>
      {words.text.map((paragraph) => (
        <p key={paragraph}>{paragraph}</p>
      ))}
      <figure className="lesson-formula" aria-label={t.formula}>
        {lesson.formulas.map((tex) => (
          <Tex key={tex} tex={tex} render={render} />
        ))}
      </figure>
      <section className="lesson-try" aria-label={t.tryIt}>
        <h3>{t.tryIt}</h3>
        <div className="lesson-buttons">
          {lesson.presets.map((preset) => (
            <span key={preset} className={`lesson-preset ${PRESETS[preset].kind}`}>
              <span className="kind">{strings.presets.kinds[PRESETS[preset].kind]}</span>
              <button type="button" onClick={() => onPreset(preset)}>
                {t.load(strings.presets.presets[preset].name)}
              </button>
            </span>
          ))}
          {lesson.comparison ? (
            <button type="button" onClick={() => onPreset(lesson.presets[0], lesson.comparison)}>
              {c.compareBoth}
            </button>
          ) : null}
          {lesson.explainer ? (
            <button type="button" onClick={onExplainer}>
              {t.openExplainer}
            </button>
          ) : null}
        </div>
        {lesson.presets.length > 0 ? <p className="lesson-hint">{t.loadHint}</p> : null}
      </section>
      <h3>{t.lookAt}</h3>
      <p>{words.lookAt}</p>
      <section className="lesson-question" aria-labelledby={`${id}-question`}>
        <h3 id={`${id}-question`}>{t.question}</h3>
        <p>{words.question}</p>
        <button type="button" aria-controls={`${id}-answer`} aria-expanded={revealed} onClick={toggleAnswer}>
          {revealed ? t.hideAnswer : t.showAnswer}
        </button>
        <p id={`${id}-answer`} className="lesson-answer" hidden={!revealed}>
          <strong>{t.answer}:</strong> {words.answer}
        </p>
      </section>
      <aside className="lesson-note" aria-labelledby={`${id}-note`}>
        <h3 id={`${id}-note`}>{t.noteOnNotes}</h3>
        <p>{words.noteOnNotes}</p>
      </aside>
      <div className="lesson-nav">
        <button type="button" disabled={index === 0} onClick={() => onGo(-1)}>
          <span aria-hidden="true">← </span>
          {t.previous}
        </button>
        <button type="button" disabled={index === LESSONS.length - 1} onClick={() => onGo(1)}>
          {t.next}
          <span aria-hidden="true"> →</span>
        </button>
      </div>
    </article>
  );
}
