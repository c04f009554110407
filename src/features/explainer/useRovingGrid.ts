import { type FocusEvent, type KeyboardEvent, useRef, useState } from 'react';

export interface GridCell {
  readonly row: number;
  readonly col: number;
}

/**
 * Keyboard and pointer behaviour of an ARIA grid (WAI-ARIA APG "Grid" pattern): one Tab stop per
 * grid, arrow keys / Home / End move between cells, and the focused or hovered cell becomes the
 * "active" one that the rest of the page highlights. Focus is the keyboard's hover.
 */
export function useRovingGrid(rows: number, cols: number, onActive: (cell: GridCell | null) => void) {
  const gridRef = useRef<HTMLDivElement>(null);
  const [current, setCurrent] = useState<GridCell>({ row: 0, col: 0 });
  // The cell keeps its Tab stop when the grid shrinks under it (settings changed).
  const stop = { row: Math.min(current.row, rows - 1), col: Math.min(current.col, cols - 1) };

  const focusCell = (cell: GridCell) => {
    gridRef.current?.querySelector<HTMLElement>(`[data-cell="${cell.row},${cell.col}"]`)?.focus();
  };

  const onKeyDown = (event: KeyboardEvent, cell: GridCell) => {
    const moves: Record<string, GridCell> = {
      ArrowUp: { row: Math.max(0, cell.row - 1), col: cell.col },
      ArrowDown: { row: Math.min(rows - 1, cell.row + 1), col: cell.col },
      ArrowLeft: { row: cell.row, col: Math.max(0, cell.col - 1) },
      ArrowRight: { row: cell.row, col: Math.min(cols - 1, cell.col + 1) },
      Home: { row: cell.row, col: 0 },
      End: { row: cell.row, col: cols - 1 },
    };
    const next = moves[event.key];
    if (!next) return;
    event.preventDefault();
    focusCell(next);
  };

  const focusedCell = (): GridCell | null => {
    const data = (document.activeElement as HTMLElement | null)?.dataset?.cell;
    if (!data || !gridRef.current?.contains(document.activeElement)) return null;
    const [row, col] = data.split(',').map(Number);
    return { row, col };
  };

  return {
    gridRef,
    gridProps: {
      // Leaving with the pointer hands the highlight back to the keyboard's cell, if any.
      onMouseLeave: () => onActive(focusedCell()),
      onBlur: (event: FocusEvent) => {
        if (!gridRef.current?.contains(event.relatedTarget as Node | null)) onActive(null);
      },
    },
    cellProps: (row: number, col: number) => ({
      'data-cell': `${row},${col}`,
      tabIndex: row === stop.row && col === stop.col ? 0 : -1,
      onFocus: () => {
        setCurrent({ row, col });
        onActive({ row, col });
      },
      onMouseEnter: () => onActive({ row, col }),
      onKeyDown: (event: KeyboardEvent) => onKeyDown(event, { row, col }),
    }),
  };
}
