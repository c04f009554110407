/** Number and colour conventions shared by every view of the explainer. */

/** Integers as integers, everything else to two decimals; −0 reads as 0. */
export function formatNumber(value: number): string {
  const rounded = Math.round(value * 100) / 100;
  if (Object.is(rounded, -0) || rounded === 0) return '0';
  return Number.isInteger(rounded) ? String(rounded) : rounded.toFixed(2).replace(/0$/, '');
}

/** A difference from tfjs: exactly 0 most of the time; otherwise small, so in scientific form. */
export function formatDifference(value: number): string {
  return value === 0 ? '0' : value.toExponential(1);
}

const SUBSCRIPTS = '₀₁₂₃₄₅₆₇₈₉';

/** w₁…w₁₆: the kernel weight in reading order, as the views and the legend name it. */
export function weightName(tap: number): string {
  return `w${String(tap + 1).replace(/\d/g, (d) => SUBSCRIPTS[Number(d)])}`;
}

/**
 * One fill per kernel weight. Hues step by the golden angle so that neighbouring weights differ
 * strongly for any kernel size; light fills keep dark digits readable on a projector.
 */
export function tapColour(tap: number): string {
  return `hsl(${Math.round((tap * 137.508 + 200) % 360)} 75% 80%)`;
}

/** 1-based "row,col" of a row-major index, as the accessible names and explanations use. */
export function position(index: number, size: number): { row: number; col: number } {
  return { row: Math.floor(index / size) + 1, col: (index % size) + 1 };
}

/** "2–4" for a span of rows or columns, or "3" when it is a single one. */
export function span(values: number[]): string {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? String(lo) : `${lo}–${hi}`;
}
