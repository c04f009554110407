import type { CSSProperties } from 'react';
import { type GridCell, useRovingGrid } from './useRovingGrid.ts';

/** How one cell of a map looks: each field is a fact about the current highlight, not a style. */
export interface CellLook {
  /** Part of what the active cell reads or writes: exposed as aria-selected. */
  readonly selected?: boolean;
  /** The kernel weight's colour when the cell is in a highlighted window or patch. */
  readonly fill?: string;
  /** Not part of the current step or highlight: drawn faint. */
  readonly muted?: boolean;
  /** Small corner text, e.g. the overlap count "×2". */
  readonly badge?: string;
}

interface MapGridProps {
  /** The grid's accessible name and visible caption. */
  readonly label: string;
  /** Real cells per side. */
  readonly size: number;
  /** Rings of zero padding drawn around the real cells (not focusable, hidden from assistive tech). */
  readonly padding?: number;
  readonly cellPx: number;
  readonly cellName: (index: number) => string;
  /** The cell's number as shown; long ones get a smaller font so they never spill over. */
  readonly content: (index: number) => string;
  readonly look: (index: number) => CellLook;
  /** Padding cells by input coordinates (negative or ≥ size), e.g. inside the active window. */
  readonly paddingFill?: (row: number, col: number) => string | undefined;
  readonly onActive: (index: number | null) => void;
}

/** Half the cell for one or two characters; "−12.5" in a 28px cell shrinks to fit its width. */
const digitPx = (cellPx: number, text: string) =>
  Math.max(10, Math.min(20, cellPx * 0.5, (cellPx * 1.3) / text.length));

/** An n×n map (input, output, small or large map) as an ARIA grid of row-major cells. */
export function MapGrid({
  label,
  size,
  padding = 0,
  cellPx,
  cellName,
  content,
  look,
  paddingFill,
  onActive,
}: MapGridProps) {
  const toIndex = (cell: GridCell | null) => (cell ? cell.row * size + cell.col : null);
  const { gridRef, gridProps, cellProps } = useRovingGrid(size, size, (cell) => onActive(toIndex(cell)));
  const span = Array.from({ length: size + 2 * padding }, (_, i) => i - padding);
  const style = { '--cell': `${cellPx}px` } as CSSProperties;

  const padCell = (row: number, col: number) => (
    <div key={col} className="xp-cell xp-pad" aria-hidden="true" style={{ background: paddingFill?.(row, col) }}>
      {cellPx >= 26 ? '0' : ''}
    </div>
  );

  return (
    <div ref={gridRef} role="grid" aria-label={label} className="xp-map" style={style} {...gridProps}>
      {span.map((row) => {
        const real = row >= 0 && row < size;
        return (
          <div key={row} role={real ? 'row' : undefined} aria-hidden={real ? undefined : true} className="xp-map-row">
            {span.map((col) => {
              if (!real || col < 0 || col >= size) return padCell(row, col);
              const index = row * size + col;
              const { selected = false, fill, muted, badge } = look(index);
              return (
                <div
                  key={col}
                  role="gridcell"
                  aria-label={cellName(index)}
                  aria-selected={selected}
                  className={`xp-cell${selected ? ' xp-selected' : ''}${muted ? ' xp-muted' : ''}`}
                  style={{ background: fill, fontSize: digitPx(cellPx, content(index)) }}
                  {...cellProps(row, col)}
                >
                  {content(index)}
                  {/* Drawn by CSS (::after): a visual note beside the value, not part of the cell's name. */}
                  {badge && <span className="xp-badge" data-badge={badge} />}
                </div>
              );
            })}
          </div>
        );
      })}
    </div>
  );
}
