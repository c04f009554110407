/**
 * Input quoted in a message, cut short: the schema's refusals (config.ts), run files and links
 * (src/features/share) all repeat what they were given through these two functions. A refusal
 * that repeats a 50 MB string whole froze the page for 27 s (issue #20); a walk that stringifies a
 * 200,000-deep array whole stalled it for 4 s. Both read only as much of the input as they show.
 */

/** The most characters of a value a message repeats; longer values end in "…". */
export const QUOTE_LENGTH = 40;

const isHighSurrogate = (code: number) => code >= 0xd800 && code <= 0xdbff;

/** Text as written, cut to `length` characters (never inside a surrogate pair). */
export function cut(text: string, length = QUOTE_LENGTH): string {
  if (text.length <= length) return text;
  const end = isHighSurrogate(text.charCodeAt(length - 1)) ? length - 1 : length;
  return `${text.slice(0, end)}…`;
}

/**
 * Any value as JSON-like text (strings in quotes, so "" and " " can be told apart), cut to
 * `length` characters. Arrays and objects are walked only until the text is that long, so the
 * cost does not grow with a string's length or an array's, nor with depth, and a cycle ends like
 * any long value. (An object's keys are listed whole before its first is read, at about the cost
 * of building the object.)
 */
export function quote(value: unknown, length = QUOTE_LENGTH): string {
  let text = '';
  /** Appends a part; false once the text is long enough that the walk can stop. */
  const put = (part: string) => {
    text += part;
    return text.length <= length;
  };
  const walk = (item: unknown): boolean => {
    if (typeof item === 'string') return put(JSON.stringify(item.slice(0, length + 1 - text.length)));
    if (item === undefined) return put('nothing');
    if (typeof item === 'function') return put('a function');
    if (typeof item !== 'object' || item === null) return put(String(item));
    if (Array.isArray(item)) {
      if (!put('[')) return false;
      for (let i = 0; i < item.length; i++) if (!(i === 0 || put(',')) || !walk(item[i])) return false;
      return put(']');
    }
    if (!put('{')) return false;
    let first = true;
    for (const key in item) {
      if (!Object.hasOwn(item, key)) continue;
      if (!(first || put(',')) || !walk(key) || !put(':') || !walk((item as Record<string, unknown>)[key]))
        return false;
      first = false;
    }
    return put('}');
  };
  walk(value);
  return cut(text, length);
}
