/**
 * The lessons' ids, in the course notes' order (lessons.ts holds each lesson's data). Apart, so that
 * the link parser and the progress read them without the lessons' formulas and presets, which only
 * the Lessons tab's lazily loaded chunk needs.
 */
export const LESSON_IDS = [
  'game',
  'optimalDiscriminator',
  'nonConvergence',
  'modeCollapse',
  'vanishingGradients',
  'lsgan',
  'dcgan',
  'latentArithmetic',
  'wgan',
  'wganGp',
  'cgan',
  'infogan',
] as const;

export type LessonId = (typeof LESSON_IDS)[number];

export const isLessonId = (value: string): value is LessonId => LESSON_IDS.some((id) => id === value);
