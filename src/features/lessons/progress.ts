/**
 * Which lessons were opened and which questions answered, kept on this device (localStorage) and
 * held in a store outside React (src/client/store.ts) that the lesson list and the lesson read.
 * Storage may be missing or refuse us (blocked site data, some private windows, a full quota), and
 * what it holds may be anything: progress then lives for this page only, and a stored value that
 * is not a list of lesson ids is ignored id by id.
 */
import { ValueStore } from '../../client/store.ts';
import { isLessonId, type LessonId } from './lessonIds.ts';

export interface LessonProgress {
  readonly opened: readonly LessonId[];
  readonly answered: readonly LessonId[];
}

export const PROGRESS_KEY = 'nash.lessons';

const EMPTY: LessonProgress = { opened: [], answered: [] };

/** The storage the page may use, or undefined where reading it throws (SecurityError). */
function storage(): Storage | undefined {
  try {
    return globalThis.localStorage ?? undefined;
  } catch {
    return undefined;
  }
}

const ids = (value: unknown): LessonId[] =>
  Array.isArray(value)
    ? [...new Set(value.filter((id): id is LessonId => typeof id === 'string' && isLessonId(id)))]
    : [];

/** Progress as stored, or none: a damaged or foreign value never breaks the page. */
export function parseProgress(text: string | null | undefined): LessonProgress {
  if (!text) return EMPTY;
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return EMPTY;
    const { opened, answered } = value as Record<string, unknown>;
    return { opened: ids(opened), answered: ids(answered) };
  } catch {
    return EMPTY;
  }
}

function load(): LessonProgress {
  try {
    return parseProgress(storage()?.getItem(PROGRESS_KEY));
  } catch {
    return EMPTY;
  }
}

function save(progress: LessonProgress): void {
  try {
    storage()?.setItem(PROGRESS_KEY, JSON.stringify(progress));
  } catch {
    // Not stored (quota, blocked storage): the progress still holds for this page.
  }
}

export const lessonProgress = new ValueStore<LessonProgress>(load);

/** Marks a lesson opened or its question answered; already marked changes nothing. */
export function markLesson(id: LessonId, as: keyof LessonProgress): void {
  const current = lessonProgress.getSnapshot();
  if (current[as].includes(id)) return;
  const next = { ...current, [as]: [...current[as], id] };
  lessonProgress.set(next);
  save(next);
}
