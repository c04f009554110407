import type { PresetId } from '../../gan/presets.ts';
import type { en } from '../../i18n/presets.ts';

/**
 * The presets the classroom menu offers, grouped and in teaching order: each failure next to its fix.
 * The slower learning-test presets (modeCollapse) stay out: their failure takes minutes to show.
 */
/** Presets with a name and an explanation card in the strings (src/i18n/presets.ts). */
export type MenuPresetId = keyof typeof en.presets & PresetId;

export const PRESET_GROUPS: { id: 'failures' | 'clipping' | 'lsgan' | 'defaults'; presets: MenuPresetId[] }[] = [
  {
    id: 'failures',
    presets: [
      'modeCollapseLive',
      'modeCollapseFix',
      'vanishingGradients',
      'vanishingGradientsFix',
      'oscillation',
      'oscillationFix',
      'weakDiscriminator',
      'weakDiscriminatorFix',
    ],
  },
  { id: 'clipping', presets: ['wganClipTight', 'wganClipLoose', 'wganClip'] },
  { id: 'lsgan', presets: ['compareGan', 'compareLsgan'] },
  {
    id: 'defaults',
    presets: [
      'ringDefault',
      'gridDefault',
      'spiralDefault',
      'moonsDefault',
      'lineDefault',
      'gaussianDefault',
      'customDefault',
      'mnistDefault',
      'cganMnist',
      'dcganMnist',
      'infoganMnist',
      'wganGpRing',
    ],
  },
];

export const MENU_PRESETS: MenuPresetId[] = PRESET_GROUPS.flatMap((g) => g.presets);
