/**
 * A link's problems (urlState.ts) as sentences in the page's language, every part of them, the
 * refusals of settings included: one each while a kind has few, one sentence that counts them when
 * a link has a burst. A link with 5,000 unknown keys gave 5,000 sentences; now it gives "5,000 keys
 * in the link are not settings, e.g. …".
 */
import { COMPARISON_IDS } from '../../gan/comparisons.ts';
import { PRESETS } from '../../gan/presets.ts';
import { fill } from '../../i18n/fill.ts';
import type { en } from '../../i18n/share.ts';
import { describeRefusal } from '../../i18n/settings.ts';
import { LESSON_IDS } from '../lessons/lessonIds.ts';
import { type LinkProblem, type LinkRefusal, THEORY_FIELDS } from './urlState.ts';

type Strings = typeof en;
type Kind = LinkProblem['kind'];
type Of<K extends Kind> = Extract<LinkProblem, { kind: K }>;

/** Problems of one kind worded one by one; more are counted, and this many named as examples. */
export const LISTED = 3;

const quotedList = (texts: readonly string[]) => texts.map((text) => `“${text}”`).join(', ');

/** Why a value of the link cannot be used. */
export function describeLinkRefusal(refusal: LinkRefusal, t: Strings): string {
  switch (refusal.code) {
    case 'notAPreset':
      return fill(t.linkRefusals.notAPreset, { presets: Object.keys(PRESETS).join(t.settings.list) });
    case 'notALesson':
      return fill(t.linkRefusals.notALesson, { lessons: LESSON_IDS.join(t.settings.list) });
    case 'notAComparison':
      return fill(t.linkRefusals.notAComparison, { comparisons: COMPARISON_IDS.join(t.settings.list) });
    case 'notATheoryLayer':
      return fill(t.linkRefusals.notATheoryLayer, { layers: THEORY_FIELDS.join(t.settings.list) });
    case 'notAToggle':
    case 'drawnData':
      return t.linkRefusals[refusal.code];
    default:
      return describeRefusal(refusal, t.settings);
  }
}

function one(problem: LinkProblem, t: Strings): string {
  switch (problem.kind) {
    case 'tooLong':
      return t.linkTooLong(problem.length, problem.limit);
    case 'combination':
      return fill(t.badCombination, { reason: describeRefusal(problem.refusal, t.settings) });
    case 'refused':
      // One pass, so a value that reads `{reason}` is quoted as written.
      return fill(t.badValue, {
        field: problem.field,
        value: problem.value,
        reason: describeLinkRefusal(problem.refusal, t),
      });
    case 'unknown':
      return t.unknownKey(problem.field, problem.value);
    case 'repeated': {
      const values = `${quotedList(problem.values)}${problem.count > problem.values.length ? ', …' : ''}`;
      return problem.used !== undefined
        ? t.repeatedUsed(problem.field, problem.count, values, problem.used)
        : t.repeatedNone(
            problem.field,
            problem.count,
            values,
            problem.refusal ? describeLinkRefusal(problem.refusal, t) : '',
          );
    }
  }
}

/** Each kind's sentence for a burst; a link too long to read and settings that do not fit together (a few rules) never come in one. */
const BURST = {
  refused: 'manyBadValues',
  repeated: 'manyRepeated',
  unknown: 'manyUnknownKeys',
} as const satisfies Record<Exclude<Kind, 'combination' | 'tooLong'>, keyof Strings>;

/** The sentences for a link's problems: a link too long, conflicts, then refused, repeated and unknown keys. */
export function describeLinkProblems(problems: readonly LinkProblem[], t: Strings): string[] {
  const sentences = problems.filter((p) => p.kind === 'tooLong' || p.kind === 'combination').map((p) => one(p, t));
  for (const kind of ['refused', 'repeated', 'unknown'] as const) {
    const ofKind = problems.filter((p): p is Of<typeof kind> => p.kind === kind);
    if (ofKind.length <= LISTED) sentences.push(...ofKind.map((p) => one(p, t)));
    else sentences.push(t[BURST[kind]](ofKind.length, `${quotedList(ofKind.slice(0, LISTED).map((p) => p.field))}, …`));
  }
  return sentences;
}
