import { lazy, Suspense, useState } from 'react';
import { PlaygroundPage } from '../features/playground/PlaygroundPage.tsx';
import { type Language, LANGUAGES } from '../i18n/strings.ts';
import { initialLanguage, LanguageContext, rememberLanguage, useStrings } from '../i18n/useStrings.ts';
import { UpdatePrompt } from './UpdatePrompt.tsx';

type Tab = 'playground' | 'explainer';

/** The explainer is a chunk of its own, fetched on its tab's first opening (issue 16). */
const ExplainerPage = lazy(() =>
  import('../features/explainer/ExplainerPage.tsx').then((module) => ({ default: module.ExplainerPage })),
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
  const [tab, setTab] = useState<Tab>('playground');
  // The explainer loads its own tfjs on first open; after that it stays mounted like the playground.
  const [explainerOpened, setExplainerOpened] = useState(false);
  const open = (next: Tab) => {
    setTab(next);
    if (next === 'explainer') setExplainerOpened(true);
  };
  const tabs: [Tab, string][] = [
    ['playground', t.tabPlayground],
    ['explainer', t.tabExplainer],
  ];
  return (
    <div className="app" lang={language}>
      <header className="app-header">
        <h1>{t.title}</h1>
        <p className="tagline">{t.tagline}</p>
        <nav role="tablist" aria-label={t.title}>
          {tabs.map(([id, label]) => (
            <button key={id} role="tab" type="button" aria-selected={tab === id} onClick={() => open(id)}>
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
        <div hidden={tab !== 'playground'}>
          <PlaygroundPage active={tab === 'playground'} />
        </div>
        {tab === 'explainer' || explainerOpened ? (
          <div hidden={tab !== 'explainer'}>
            <Suspense fallback={null}>
              <ExplainerPage />
            </Suspense>
          </div>
        ) : null}
      </main>
      <UpdatePrompt />
    </div>
  );
}
