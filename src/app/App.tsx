import { type KeyboardEvent, lazy, Suspense, useEffect, useState } from 'react';
import { PlaygroundPage, type PresetRequest } from '../features/playground/PlaygroundPage.tsx';
import { openingLink } from '../features/share/openingLink.ts';
import { lessonOnly } from '../features/share/urlState.ts';
import { type Language, LANGUAGES } from '../i18n/strings.ts';
import { initialLanguage, LanguageContext, rememberLanguage, useStrings } from '../i18n/useStrings.ts';
import { UpdatePrompt } from './UpdatePrompt.tsx';
import { useThemeVariables } from '../features/theme/theme.ts';

type Tab = 'playground' | 'explainer' | 'lessons';

/** The explainer is a chunk of its own, fetched on its tab's first opening (issue 16). */
const ExplainerPage = lazy(() =>
  import('../features/explainer/ExplainerPage.tsx').then((module) => ({ default: module.ExplainerPage })),
);
/** So are the lessons, with their ~10 kB of words in two languages. */
const LessonsPage = lazy(() =>
  import('../features/lessons/LessonsPage.tsx').then((module) => ({ default: module.LessonsPage })),
);

export function App() {
  const [language, setLanguage] = useState<Language>(initialLanguage);
  const choose = (next: Language) => {
    setLanguage(next);
    rememberLanguage(next);
  };
  return (
    <LanguageContext.Provider value={language}>
      <Shell language={language} onLanguage={choose} />
    </LanguageContext.Provider>
  );
}

function Shell({ language, onLanguage }: { language: Language; onLanguage: (language: Language) => void }) {
  const t = useStrings().app;
  useThemeVariables();
  // A lesson's link (`#lesson=wgan`) opens the page on that lesson.
  const [tab, setTab] = useState<Tab>(() => (openingLink().state.lesson ? 'lessons' : 'playground'));
  // The explainer loads its own tfjs on first open; after that it stays mounted like the playground.
  const [explainerOpened, setExplainerOpened] = useState(false);
  const [lessonsOpened, setLessonsOpened] = useState(tab === 'lessons');
  // The lesson a link asked for: the opening link's, or one pasted into the open page (the run goes on).
  // Counted, so that the same lesson's link pasted again (after another was chosen in the list) opens it again.
  const [lesson, setLesson] = useState(() => ({ id: openingLink().state.lesson, asked: 0 }));
  useEffect(() => {
    const onHashChange = (event: HashChangeEvent) => {
      // The event's own URL: the playground's link sync may already have written the run's link back.
      const asked = lessonOnly(new URL(event.newURL).hash);
      if (!asked) return;
      setLesson((before) => ({ id: asked, asked: before.asked + 1 }));
      setTab('lessons');
      setLessonsOpened(true);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, []);
  // A lesson's button asks the playground for a preset, then shows it training.
  const [presetRequest, setPresetRequest] = useState<PresetRequest>();
  const open = (next: Tab) => {
    setTab(next);
    if (next === 'explainer') setExplainerOpened(true);
    if (next === 'lessons') setLessonsOpened(true);
  };
  const tabs: [Tab, string][] = [
    ['playground', t.tabPlayground],
    ['explainer', t.tabExplainer],
    ['lessons', t.tabLessons],
  ];
  return (
    <div className="app" lang={language}>
      <header className="app-header">
        <h1>{t.title}</h1>
        <p className="tagline">{t.tagline}</p>
        <nav role="tablist" aria-label={t.title} onKeyDown={(event) => moveTab(event, tabs, tab, open)}>
          {tabs.map(([id, label]) => (
            <button
              key={id}
              id={`tab-${id}`}
              role="tab"
              type="button"
              aria-selected={tab === id}
              aria-controls={`panel-${id}`}
              tabIndex={tab === id ? 0 : -1}
              onClick={() => open(id)}
            >
              {label}
            </button>
          ))}
        </nav>
        <label className="language">
          {t.language}
          <select aria-label={t.language} value={language} onChange={(e) => onLanguage(e.target.value as Language)}>
            {LANGUAGES.map((code) => (
              <option key={code} value={code}>
                {code === 'en' ? 'English' : '한국어'}
              </option>
            ))}
          </select>
        </label>
      </header>
      {/* Both stay mounted: leaving the playground must not stop its worker or lose the run. */}
      <main>
        <div role="tabpanel" id="panel-playground" aria-labelledby="tab-playground" hidden={tab !== 'playground'}>
          <PlaygroundPage active={tab === 'playground'} presetRequest={presetRequest} />
        </div>
        {tab === 'explainer' || explainerOpened ? (
          <div role="tabpanel" id="panel-explainer" aria-labelledby="tab-explainer" hidden={tab !== 'explainer'}>
            <Suspense fallback={null}>
              <ExplainerPage />
            </Suspense>
          </div>
        ) : null}
        {lessonsOpened ? (
          <div role="tabpanel" id="panel-lessons" aria-labelledby="tab-lessons" hidden={tab !== 'lessons'}>
            <Suspense fallback={null}>
              <LessonsPage
                key={`${lesson.id}:${lesson.asked}`}
                initial={lesson.id}
                onPreset={(id, comparison) => {
                  setPresetRequest({ id, comparison });
                  open('playground');
                }}
                onExplainer={() => open('explainer')}
              />
            </Suspense>
          </div>
        ) : null}
      </main>
      <UpdatePrompt />
    </div>
  );
}

/**
 * The tablist's keys (WAI-ARIA tabs pattern, automatic activation): the arrows move to the previous
 * or next tab, Home and End to the first and last, and the tab reached opens and takes the focus.
 */
function moveTab<T extends string>(
  event: KeyboardEvent<HTMLElement>,
  tabs: readonly [T, string][],
  current: T,
  open: (tab: T) => void,
) {
  const at = tabs.findIndex(([id]) => id === current);
  const to = { ArrowRight: at + 1, ArrowLeft: at - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (to === undefined) return;
  event.preventDefault();
  const [id] = tabs[(to + tabs.length) % tabs.length];
  open(id);
  document.getElementById(`tab-${id}`)?.focus();
}
