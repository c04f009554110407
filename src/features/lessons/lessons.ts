/**
 * The lessons, in the order of the course notes (../shared/000_ed171a8ad4464fdf.txt): the game, the
 * optimal D, the notes' four failures, LSGAN, DCGAN, the latent space, WGAN, WGAN-GP (beyond the
 * notes), CGAN and InfoGAN. Data only: each lesson's words are in src/i18n/lessons.ts under its id,
 * its formulas are the theory's (src/features/formulas/theory.ts) or the objective modules' own TeX
 * with a preset's constants written in, and its buttons load classroom presets (src/gan/presets.ts).
 * One component renders them all (LessonsPage.tsx); a link opens one (`#lesson=wgan`, urlState.ts).
 */
import { defaultConfig, type RunConfig } from '../../gan/config.ts';
import type { ComparisonId } from '../../gan/comparisons.ts';
import { PRESETS, type PresetId } from '../../gan/presets.ts';
import { objectiveTex } from '../formulas/tex.ts';
import { THEORY_TEX } from '../formulas/theory.ts';
import type { MenuPresetId } from '../presets/menu.ts';
import type { LessonId } from './lessonIds.ts';

export interface Lesson {
  readonly id: LessonId;
  /** Displayed formulas in TeX, one per line, in the notes' notation. */
  readonly formulas: readonly string[];
  /**
   * The classroom presets its buttons load into the playground: a failure first, then its fix.
   * Empty only where the explainer is the lesson's whole hands-on part.
   */
  readonly presets: readonly MenuPresetId[];
  /** The comparison that opens failure and fix side by side in compare mode ("Compare both"). */
  readonly comparison?: ComparisonId;
  /** It also opens the Transposed convolution tab (DCGAN's layers), beside or instead of a run. */
  readonly explainer?: true;
}

/** A preset's whole configuration, for the objective TeX with its constants written in. */
const configOf = (id: PresetId): RunConfig => ({ ...defaultConfig(), ...PRESETS[id].config });
const texOf = (id: PresetId) => objectiveTex(configOf(id));

/** G's gradient at D's logit ℓ (D = σ(ℓ)) for the two log-losses: the vanishing-gradient lesson's point. */
const saturatingGradient = '\\frac{\\partial L_G}{\\partial \\ell} = -D(G(z)) \\xrightarrow{D(G(z)) \\to 0} 0';
const nonSaturatingGradient =
  '\\frac{\\partial L_G}{\\partial \\ell} = -(1 - D(G(z))) \\xrightarrow{D(G(z)) \\to 0} -1';

export const LESSONS: readonly Lesson[] = [
  { id: 'game', formulas: [THEORY_TEX.value, THEORY_TEX.nash], presets: ['ringDefault'] },
  {
    id: 'optimalDiscriminator',
    formulas: [THEORY_TEX.optimalDiscriminator, THEORY_TEX.valueAtOptimum],
    presets: ['weakDiscriminator', 'weakDiscriminatorFix'],
    comparison: 'weakDiscriminator',
  },
  {
    id: 'nonConvergence',
    // The simplest game with an equilibrium that simultaneous gradient steps never reach: V(x, y) = xy.
    formulas: [
      '\\min_x \\max_y\\; xy:\\qquad x_{t+1} = x_t - \\eta\\, y_t, \\quad y_{t+1} = y_t + \\eta\\, x_t',
      'x_{t+1}^2 + y_{t+1}^2 = (1 + \\eta^2)\\,(x_t^2 + y_t^2)',
    ],
    presets: ['oscillation', 'oscillationFix'],
    comparison: 'oscillation',
  },
  {
    id: 'modeCollapse',
    formulas: [
      '\\max_G\\; \\mathbb{E}_{z\\sim P_z(z)}[\\log D(G(z))] \\text{ with } D \\text{ fixed:}\\quad G(z) = \\arg\\max_x D(x) \\text{ for every } z',
    ],
    presets: ['modeCollapseLive', 'modeCollapseFix'],
    comparison: 'modeCollapse',
  },
  {
    id: 'vanishingGradients',
    formulas: [
      `${texOf('vanishingGradients').generator}:\\quad ${saturatingGradient}`,
      `${texOf('vanishingGradientsFix').generator}:\\quad ${nonSaturatingGradient}`,
    ],
    presets: ['vanishingGradients', 'vanishingGradientsFix'],
    comparison: 'vanishingGradients',
  },
  {
    id: 'lsgan',
    formulas: [texOf('compareLsgan').discriminator, texOf('compareLsgan').generator],
    presets: ['compareGan', 'compareLsgan'],
    comparison: 'ganVsLsgan',
  },
  {
    id: 'dcgan',
    formulas: [
      // No words inside the TeX (it reads the same in Korean): the shapes say which way each map goes.
      'C \\in \\mathbb{R}^{o^2 \\times n^2}: \\qquad y = C\\,x \\in \\mathbb{R}^{o^2} \\qquad C^{\\top} y \\in \\mathbb{R}^{n^2}',
      'o = \\left\\lfloor \\frac{n + 2p - k}{s} \\right\\rfloor + 1 \\qquad n = (o - 1)\\,s - 2p + k',
    ],
    presets: ['dcganMnist'],
    explainer: true,
  },
  {
    id: 'latentArithmetic',
    formulas: [
      'z = \\bar z_{\\mathrm{A}} - \\bar z_{\\mathrm{B}} + \\bar z_{\\mathrm{C}}, \\qquad \\bar z_{\\mathrm{A}} = \\frac{1}{m} \\sum_{i=1}^{m} z_{\\mathrm{A}, i}',
    ],
    presets: ['mnistDefault'],
  },
  {
    id: 'wgan',
    formulas: [THEORY_TEX.wasserstein, THEORY_TEX.duality, texOf('wganClip').extra ?? ''],
    presets: ['wganClipTight', 'wganClipLoose', 'wganClip'],
    comparison: 'wganClip',
  },
  {
    id: 'wganGp',
    formulas: [texOf('wganGpRing').discriminator, texOf('wganGpRing').extra ?? ''],
    presets: ['wganGpRing'],
  },
  {
    id: 'cgan',
    formulas: [
      '\\min_G \\max_D\\; \\mathbb{E}_{x, y}[\\log D(x \\mid y)] + \\mathbb{E}_{z, y}[\\log(1 - D(G(z \\mid y) \\mid y))]',
    ],
    presets: ['cganMnist'],
  },
  {
    id: 'infogan',
    formulas: [
      '\\min_{G, Q} \\max_D\\; V(D, G) - \\lambda\\, L_I(G, Q)',
      'L_I(G, Q) = \\mathbb{E}_{c, z}[\\log Q(c \\mid G(z, c))] + H(c) \\;\\le\\; I(c;\\, G(z, c))',
    ],
    presets: ['infoganMnist'],
  },
];

export function lessonById(id: LessonId): Lesson {
  const lesson = LESSONS.find((candidate) => candidate.id === id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return lesson;
}
