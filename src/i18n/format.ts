/**
 * Numbers as the page shows them (settings, chart readouts and markers, formulas, the 2D view's
 * legend, diagnostics): 1e-3 rather than 0.001, integers in full; the same in every language.
 */
export function formatSetting(value: number): string {
  if (Number.isInteger(value)) return String(value);
  const abs = Math.abs(value);
  if (abs < 1e-2 || abs >= 1e5) {
    const [mantissa, exponent] = value.toExponential(2).split('e');
    return `${Number(mantissa)}e${Number(exponent)}`;
  }
  return String(Number(value.toPrecision(4)));
}

/** A setting's value as the page shows it: a number as formatSetting writes it, a choice (an id) as it is. */
export function formatSettingValue(value: unknown): string {
  return typeof value === 'number' ? formatSetting(value) : String(value);
}
