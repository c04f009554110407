/**
 * Every visible string, in English and Korean. Each feature keeps its strings in its own namespace
 * file (src/i18n/<namespace>.ts exporting `en` and `ko`); this table assembles them. A unit test
 * fails when a key exists in one language and not the other.
 */
import * as app from './app.ts';
import * as charts from './charts.ts';
import * as controls from './controls.ts';
import * as diagnostics from './diagnostics.ts';
import * as formulas from './formulas.ts';
import * as lessons from './lessons.ts';
import * as playground from './playground.ts';
import * as presets from './presets.ts';
import * as views from './views.ts';
import * as share from './share.ts';
import * as reliability from './reliability.ts';
import * as settings from './settings.ts';
import * as backend from './backend.ts';
import * as theory from './theory.ts';

export const STRINGS = {
  en: {
    app: app.en,
    playground: playground.en,
    share: share.en,
    controls: controls.en,
    charts: charts.en,
    diagnostics: diagnostics.en,
    presets: presets.en,
    formulas: formulas.en,
    views: views.en,
    reliability: reliability.en,
    lessons: lessons.en,
    settings: settings.en,
    backend: backend.en,
    theory: theory.en,
  },
  ko: {
    app: app.ko,
    playground: playground.ko,
    share: share.ko,
    controls: controls.ko,
    charts: charts.ko,
    diagnostics: diagnostics.ko,
    presets: presets.ko,
    formulas: formulas.ko,
    views: views.ko,
    reliability: reliability.ko,
    lessons: lessons.ko,
    settings: settings.ko,
    backend: backend.ko,
    theory: theory.ko,
  },
} as const;

export type Language = keyof typeof STRINGS;
export const LANGUAGES: Language[] = ['en', 'ko'];
