import { useMemo, useState } from 'react';
import * as explainer from '../../i18n/explainer.ts';
import { useWords } from '../../i18n/useStrings.ts';
import { type ConvSettings, outputSize } from './convMatrix.ts';
import { formatNumber, position, tapColour } from './format.ts';
import { fractionalPartial, fractionalStride, windowCells } from './fractionalStride.ts';
import { FlowSection } from './FlowSection.tsx';
import { FlowArrow, MapFigure, mapCellPx } from './MapFigure.tsx';
import { StepControls } from './StepControls.tsx';
import { stepStatus, useStepThrough } from './useStepThrough.ts';

/** What the pointer or keyboard rests on: a result cell (its window) or a cell of the stretched map. */
type Active = { readonly kind: 'result' | 'stretched'; readonly index: number };

interface FractionalSectionProps {
  readonly settings: ConvSettings;
  readonly kernel: readonly number[];
  readonly y: readonly number[];
}

/** The small map's values, the zeros inserted between them, and the padding: three looks a projector keeps apart. */
const VALUE_FILL = 'hsl(45 90% 86%)';
const INSERTED_FILL = 'repeating-linear-gradient(45deg, #e3e7ee 0 3px, #ffffff 3px 7px)';
const PADDING_FILL = '#eceff3';

/**
 * The transposed convolution as a fractionally strided one (fractionalStride.ts): the small map
 * stretched with s − 1 zeros between cells and padded with k − 1 − p, the kernel flipped, and a
 * stride-1 slide stepped through one result cell at a time, like the stamping above.
 */
export function FractionalSection({ settings, kernel, y }: FractionalSectionProps) {
  const t = useWords(explainer);
  const { inputSize: n, kernelSize: k, stride: s } = settings;
  const o = outputSize(settings);
  const view = useMemo(() => fractionalStride(settings, kernel, y), [settings, kernel, y]);
  const total = n * n;
  const { step, stepping, latest, controls } = useStepThrough(total);
  const [active, setActive] = useState<Active | null>(null);
  const results = fractionalPartial(view, k, step);
  const finished = useMemo(() => fractionalPartial(view, k, total), [view, k, total]);

  // The window shown: the hovered result cell's, else while stepping the latest one computed.
  const windowOf = active?.kind === 'result' ? active.index : active === null ? latest : null;
  const window = windowOf === null ? [] : windowCells(view, k, windowOf);
  /** The kernel weight a flipped tap holds: the flip reads the kernel backwards. */
  const weightOf = (tap: number) => k * k - 1 - tap;

  const explanation = (() => {
    if (active?.kind === 'stretched') {
      const { row, col } = position(active.index, view.size);
      const source = view.source[active.index];
      if (source >= 0) {
        const small = position(source, o);
        return t.explainStretchedValue(row, col, small.row, small.col, formatNumber(y[source]));
      }
      return view.insertedZero[active.index] ? t.explainInsertedZero(row, col) : t.explainPaddingZero(row, col);
    }
    if (windowOf !== null) {
      const { row, col } = position(windowOf, n);
      const terms = window
        .filter(({ cell }) => view.values[cell] !== 0)
        .map(({ cell, tap }) => `${formatNumber(view.values[cell])}·${formatNumber(view.flipped[tap])}`);
      return t.explainResult(row, col, terms.length ? terms.join(' + ') : '0', formatNumber(finished[windowOf]));
    }
    return t.fractionalHint;
  })();

  const extra = view.after - view.before;

  return (
    <FlowSection
      id="fractional"
      title={t.fractionalTitle}
      lead={t.fractionalLead}
      rule={
        <p className="xp-rule">
          {t.fractionalSizes(o, s, view.stretchedSize, view.before, view.after, view.size, k, n)}
          {extra > 0 ? ` ${t.fractionalExtra(extra)}` : ''}
        </p>
      }
      controls={
        <StepControls
          title={t.slideTitle}
          {...controls}
          status={stepStatus({ start: t.slideStart, at: t.slideAt, done: t.slideDone }, step, total, n, results)}
        />
      }
      explanation={explanation}
      legend={t.slideLegend}
    >
      <MapFigure
        label={t.stretchedMap}
        size={view.size}
        values={view.values}
        cellName={t.stretchedCell}
        look={(i) => {
          const inWindow = window.find(({ cell }) => cell === i);
          if (inWindow) return { selected: true, fill: tapColour(weightOf(inWindow.tap)) };
          const fill = view.source[i] >= 0 ? VALUE_FILL : view.insertedZero[i] ? INSERTED_FILL : PADDING_FILL;
          return { selected: active?.kind === 'stretched' && active.index === i, fill };
        }}
        onActive={(index) => setActive(index === null ? null : { kind: 'stretched', index })}
      />
      <FlowArrow symbol="⊛" />
      <MapFigure
        label={t.flippedKernel}
        size={k}
        values={view.flipped}
        cellName={t.flippedCell}
        cellPx={mapCellPx(k + 2)}
        look={(i) => ({ fill: tapColour(weightOf(i)) })}
        onActive={() => setActive(null)}
      />
      <FlowArrow symbol="=" />
      <MapFigure
        label={t.resultMap}
        size={n}
        values={results}
        cellName={t.resultCell}
        look={(i) => ({ selected: i === windowOf, muted: stepping && i >= step })}
        onActive={(index) => setActive(index === null ? null : { kind: 'result', index })}
      />
    </FlowSection>
  );
}
