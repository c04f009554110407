/**
 * `{name}` in a template replaced by its value. A replacer function, because a replacement string
 * would read `$&` or `$'` in a value (a key from a link, an error's text) as patterns.
 */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) =>
    Object.hasOwn(values, key) ? String(values[key]) : whole,
  );
}
