import type { ReactNode } from 'react';
import { formatNumber, position } from './format.ts';
import { type CellLook, MapGrid } from './MapGrid.tsx';

/** Map cells shrink with the padded size so that the input stays within about 260px. */
export const mapCellPx = (cells: number) => Math.max(22, Math.min(48, Math.floor(260 / cells)));

interface MapFigureProps {
  /** The map's name: its caption (with its size) and its grid's accessible name. */
  readonly label: string;
  /** Real cells per side. */
  readonly size: number;
  /** The cells' numbers, row-major, as the grid shows them. */
  readonly values: ArrayLike<number>;
  /** A cell's accessible name from its 1-based row and column and its number as shown. */
  readonly cellName: (row: number, col: number, value: string) => string;
  readonly look: (index: number) => CellLook;
  readonly onActive: (index: number | null) => void;
  /** Rings of zero padding drawn around the real cells. */
  readonly padding?: number;
  readonly paddingFill?: (row: number, col: number) => string | undefined;
  /** The cell size; by default from the padded size (mapCellPx). */
  readonly cellPx?: number;
  /** A note under the grid. */
  readonly children?: ReactNode;
}

/** One map of a step-through (input, output, small, large, stretched, kernel) as a captioned grid of its numbers. */
export function MapFigure({ label, size, values, cellName, padding = 0, cellPx, children, ...grid }: MapFigureProps) {
  return (
    <figure>
      <figcaption>
        {label} ({size}×{size})
      </figcaption>
      <MapGrid
        label={label}
        size={size}
        padding={padding}
        cellPx={cellPx ?? mapCellPx(size + 2 * padding)}
        cellName={(i) => cellName(position(i, size).row, position(i, size).col, formatNumber(values[i]))}
        content={(i) => formatNumber(values[i])}
        {...grid}
      />
      {children}
    </figure>
  );
}

/** The operator between two figures of a step-through (→ flatten, ⊛, =), hidden from assistive tech. */
export function FlowArrow({ symbol, words }: { readonly symbol: string; readonly words?: string }) {
  return (
    <div className="xp-arrow" aria-hidden="true">
      {symbol}
      {words !== undefined && <span>{words}</span>}
    </div>
  );
}
