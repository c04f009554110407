import type { CSSProperties } from 'react';
import type { ConvMatrix } from './convMatrix.ts';
import { formatNumber, tapColour } from './format.ts';
import { type GridCell, useRovingGrid } from './useRovingGrid.ts';

/**
 * A matrix times a vector, laid out so that the shapes line up: the vector runs along the top,
 * one entry above each column it multiplies, and the product runs down the right, one entry beside
 * each row that makes it. Used for C·x and for Cᵀ·y.
 */
interface MatrixViewProps {
  readonly label: string;
  /** C itself; with `transposed`, Cᵀ is drawn (rows and columns swapped, nothing copied). */
  readonly matrix: ConvMatrix;
  readonly transposed?: boolean;
  readonly vector: ArrayLike<number>;
  readonly product: ArrayLike<number>;
  readonly productHeading: string;
  readonly cellName: (row: number, col: number, value: string) => string;
  readonly rowName: (row: number) => string;
  readonly vectorName: (index: number, value: string) => string;
  readonly productName: (index: number, value: string) => string;
  readonly activeRow: number | null;
  readonly activeCol: number | null;
  /** Columns not yet added in the step-through, drawn faint; null when every column counts. */
  readonly columnsDone?: number | null;
  /** col === cols is the product column. */
  readonly onActive: (cell: GridCell | null) => void;
}

/**
 * Square cells that keep the whole matrix within about 480×480px, so that the maps, C and the
 * product fit one 1280px row and one projector screen; big enough for two digits when C is small,
 * and never under 9px, where the colours still draw the sparsity pattern.
 */
export function matrixCellPx(rows: number, cols: number): number {
  return Math.max(9, Math.min(34, Math.floor(480 / (cols + 2)), Math.floor(480 / rows)));
}

export function MatrixView(props: MatrixViewProps) {
  const { label, matrix, transposed = false, vector, product, activeRow, activeCol, columnsDone = null } = props;
  const rows = transposed ? matrix.cols : matrix.rows;
  const cols = transposed ? matrix.rows : matrix.cols;
  const at = (row: number, col: number) => (transposed ? col * matrix.cols + row : row * matrix.cols + col);
  const value = (row: number, col: number) => matrix.values[at(row, col)];
  /** Which kernel weight sits in the cell, −1 for a structural zero. */
  const tap = (row: number, col: number) => matrix.taps[at(row, col)];
  const { gridRef, gridProps, cellProps } = useRovingGrid(rows, cols + 1, props.onActive);
  const cellPx = matrixCellPx(rows, cols);
  const showDigits = cellPx >= 22;
  // Below 12px a product no longer fits its row; the output map beside it shows every value.
  const showProduct = cellPx >= 12;
  const style = { '--cell': `${cellPx}px` } as CSSProperties;
  // Fade the rest only for a hovered row or cell: in the step-through the stamped columns stay
  // solid and only the pending ones fade, so "done" and "to do" read apart.
  const anyActive = activeRow !== null || (activeCol !== null && columnsDone === null);
  const pending = (col: number) => columnsDone !== null && col >= columnsDone;

  return (
    <div
      ref={gridRef}
      role="grid"
      aria-label={label}
      className={`xp-matrix${showDigits ? '' : ' xp-compact'}`}
      style={style}
      {...gridProps}
    >
      <div role="row" className="xp-matrix-row xp-vector-row">
        {Array.from({ length: cols }, (_, col) => {
          const text = formatNumber(vector[col]);
          const on = col === activeCol || (activeRow !== null && tap(activeRow, col) >= 0);
          return (
            <div
              key={col}
              role="columnheader"
              aria-label={props.vectorName(col + 1, text)}
              className={`xp-cell xp-vector${on ? ' xp-on' : ''}${pending(col) ? ' xp-muted' : ''}`}
            >
              {showDigits ? text : ''}
            </div>
          );
        })}
        <div role="columnheader" className="xp-cell xp-product xp-heading">
          {props.productHeading}
        </div>
      </div>
      {Array.from({ length: rows }, (_, row) => {
        const rowOn = row === activeRow;
        return (
          <div
            key={row}
            role="row"
            aria-label={props.rowName(row + 1)}
            aria-selected={rowOn}
            className={`xp-matrix-row${rowOn ? ' xp-on' : ''}`}
          >
            {Array.from({ length: cols }, (_, col) => {
              const weight = tap(row, col);
              const v = value(row, col);
              const lit = rowOn || col === activeCol;
              const className = [
                'xp-cell',
                weight < 0 ? 'xp-zero' : '',
                lit ? 'xp-lit' : anyActive ? 'xp-dim' : '',
                pending(col) ? 'xp-muted' : '',
              ]
                .filter(Boolean)
                .join(' ');
              return (
                <div
                  key={col}
                  role="gridcell"
                  aria-label={props.cellName(row + 1, col + 1, formatNumber(v))}
                  aria-selected={rowOn && col === activeCol}
                  className={className}
                  style={{ background: weight >= 0 ? tapColour(weight) : undefined }}
                  {...cellProps(row, col)}
                >
                  {showDigits && weight >= 0 ? formatNumber(v) : ''}
                </div>
              );
            })}
            <div
              role="gridcell"
              aria-label={props.productName(row + 1, formatNumber(product[row]))}
              aria-selected={rowOn}
              className={`xp-cell xp-product${rowOn ? ' xp-on' : ''}`}
              {...cellProps(row, cols)}
            >
              {showProduct ? formatNumber(product[row]) : ''}
            </div>
          </div>
        );
      })}
    </div>
  );
}
