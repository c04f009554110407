import { useState } from 'react';
import * as explainer from '../../i18n/explainer.ts';
import { useWords } from '../../i18n/useStrings.ts';
import {
  columnSupport,
  type ConvMatrix,
  type ConvSettings,
  outputSize,
  rowSupport,
  windowOrigin,
} from './convMatrix.ts';
import { formatNumber, position, tapColour } from './format.ts';
import { FlowSection } from './FlowSection.tsx';
import { FlowArrow, MapFigure } from './MapFigure.tsx';
import { MatrixView } from './MatrixView.tsx';

/** What the pointer or keyboard rests on: a cell of either map or of C (col === cols: C·x). */
type Active =
  | { readonly kind: 'input'; readonly index: number }
  | { readonly kind: 'output'; readonly index: number }
  | { readonly kind: 'matrix'; readonly row: number; readonly col: number };

interface ForwardSectionProps {
  readonly settings: ConvSettings;
  readonly kernel: readonly number[];
  readonly matrix: ConvMatrix;
  readonly x: readonly number[];
  readonly cx: Float64Array;
}

/** Convolution as y = C·x: input → flattened x along C's columns → C·x → reshaped output. */
export function ForwardSection({ settings, kernel, matrix, x, cx }: ForwardSectionProps) {
  const t = useWords(explainer);
  const [active, setActive] = useState<Active | null>(null);
  const { inputSize: n, kernelSize: k, padding: p } = settings;
  const o = outputSize(settings);

  // A row of C is an output cell, a column an input cell; C·x's own column belongs to its row.
  const activeRow = active?.kind === 'output' ? active.index : active?.kind === 'matrix' ? active.row : null;
  const activeCol =
    active?.kind === 'input' ? active.index : active?.kind === 'matrix' && active.col < n * n ? active.col : null;
  const frame = activeRow === null ? null : windowOrigin(settings, Math.floor(activeRow / o), activeRow % o);
  const readBy = activeRow === null ? [] : rowSupport(matrix, activeRow);
  const readers = activeCol === null ? [] : columnSupport(matrix, activeCol);

  const explanation = (() => {
    if (activeCol !== null && activeRow !== null) {
      const tap = matrix.taps[activeRow * matrix.cols + activeCol];
      return tap >= 0
        ? t.explainC(activeRow + 1, activeCol + 1, formatNumber(kernel[tap]))
        : t.explainCZero(activeRow + 1, activeCol + 1);
    }
    if (activeRow !== null) {
      const { row, col } = position(activeRow, o);
      const terms = readBy
        .map(({ index, tap }) => `${formatNumber(kernel[tap])}·${formatNumber(x[index])}`)
        .join(' + ');
      return t.explainOutput(row, col, activeRow + 1, terms, formatNumber(cx[activeRow]));
    }
    if (activeCol !== null) {
      const { row, col } = position(activeCol, n);
      return t.explainInput(row, col, activeCol + 1, readers.length);
    }
    return t.forwardHint;
  })();

  const inWindow = (row: number, col: number) =>
    frame !== null && row >= frame.row && row < frame.row + k && col >= frame.col && col < frame.col + k;
  const windowTap = (row: number, col: number) => (row - (frame?.row ?? 0)) * k + (col - (frame?.col ?? 0));

  return (
    <FlowSection
      id="forward"
      title={t.forwardTitle}
      lead={t.forwardLead}
      explanation={explanation}
      legend={t.colourLegend}
    >
      <MapFigure
        label={t.inputGrid}
        size={n}
        values={x}
        cellName={t.inputCell}
        padding={p}
        look={(i) => {
          const row = Math.floor(i / n);
          const col = i % n;
          if (inWindow(row, col)) return { selected: true, fill: tapColour(windowTap(row, col)) };
          return { selected: i === activeCol, muted: active !== null && i !== activeCol };
        }}
        paddingFill={(row, col) => (inWindow(row, col) ? tapColour(windowTap(row, col)) : undefined)}
        onActive={(index) => setActive(index === null ? null : { kind: 'input', index })}
      >
        {p > 0 && <small>{t.paddingNote}</small>}
      </MapFigure>
      <FlowArrow symbol="→" words={t.flatten} />
      <figure>
        <figcaption>
          C ({o * o}×{n * n}) · x = C·x
        </figcaption>
        <MatrixView
          label={t.matrixC}
          matrix={matrix}
          vector={x}
          product={cx}
          productHeading="C·x"
          cellName={t.cCell}
          rowName={t.cRow}
          vectorName={t.xEntry}
          productName={t.cxEntry}
          activeRow={activeRow}
          activeCol={activeCol}
          onActive={(cell) => setActive(cell && { kind: 'matrix', ...cell })}
        />
      </figure>
      <FlowArrow symbol="→" words={t.reshape} />
      <MapFigure
        label={t.outputGrid}
        size={o}
        values={cx}
        cellName={t.outputCell}
        look={(i) => {
          const reader = readers.find((r) => r.index === i);
          if (reader) return { selected: true, fill: tapColour(reader.tap) };
          return { selected: i === activeRow, muted: active !== null && i !== activeRow };
        }}
        onActive={(index) => setActive(index === null ? null : { kind: 'output', index })}
      />
    </FlowSection>
  );
}
