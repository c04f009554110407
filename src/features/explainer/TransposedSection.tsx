import { useState } from 'react';
import * as explainer from '../../i18n/explainer.ts';
import { useWords } from '../../i18n/useStrings.ts';
import {
  columnSupport,
  type ConvMatrix,
  type ConvSettings,
  outputSize,
  overlapCounts,
  rowSupport,
  stampPartialSum,
} from './convMatrix.ts';
import { formatNumber, position, span, tapColour } from './format.ts';
import { FlowSection } from './FlowSection.tsx';
import { FlowArrow, MapFigure } from './MapFigure.tsx';
import { MatrixView } from './MatrixView.tsx';
import { StepControls } from './StepControls.tsx';
import { stepStatus, useStepThrough } from './useStepThrough.ts';

export type SmallValues = 'ones' | 'convolution';

/** Cᵀ is n²×o²: its rows are large-map cells, its columns small-map cells (col === rows of C: the product). */
type Active =
  | { readonly kind: 'small'; readonly index: number }
  | { readonly kind: 'large'; readonly index: number }
  | { readonly kind: 'matrix'; readonly row: number; readonly col: number };

interface TransposedSectionProps {
  readonly settings: ConvSettings;
  readonly kernel: readonly number[];
  readonly matrix: ConvMatrix;
  readonly y: readonly number[];
  readonly smallValues: SmallValues;
  readonly onSmallValues: (values: SmallValues) => void;
}

/** Overlap counts as a blue ramp: more stamps, deeper blue, never too dark for black digits. */
const overlapShade = (count: number, most: number) =>
  count === 0 ? undefined : `hsl(215 80% ${Math.round(95 - (33 * count) / Math.max(1, most))}%)`;

/** Transposed convolution as Cᵀ·y, with the stamping stepped through one small-map cell at a time. */
export function TransposedSection({ settings, kernel, matrix, y, smallValues, onSmallValues }: TransposedSectionProps) {
  const t = useWords(explainer);
  const [active, setActive] = useState<Active | null>(null);
  const [showOverlap, setShowOverlap] = useState(true);
  const total = matrix.rows;
  const { step, stepping, latest, controls } = useStepThrough(total);
  const { inputSize: n } = settings;
  const o = outputSize(settings);

  const sums = stampPartialSum(matrix, y, step);
  const counts = overlapCounts(matrix);
  const most = Math.max(...counts);
  // While stepping with nothing under the pointer, the latest stamp is what the page points at.
  const activeSmall =
    active?.kind === 'small'
      ? active.index
      : active?.kind === 'matrix' && active.col < total
        ? active.col
        : active === null
          ? latest
          : null;
  const activeLarge = active?.kind === 'large' ? active.index : active?.kind === 'matrix' ? active.row : null;
  const patch = activeSmall === null ? [] : rowSupport(matrix, activeSmall);
  const stamps = activeLarge === null ? [] : columnSupport(matrix, activeLarge);

  const describeSmall = (index: number) => {
    const { row, col } = position(index, o);
    const cells = rowSupport(matrix, index).map(({ index: j }) => position(j, n));
    return t.explainSmall(
      row,
      col,
      formatNumber(y[index]),
      span(cells.map((c) => c.row)),
      span(cells.map((c) => c.col)),
    );
  };

  const explanation = (() => {
    if (active?.kind === 'matrix' && activeSmall !== null && activeLarge !== null) {
      const tap = matrix.taps[activeSmall * matrix.cols + activeLarge];
      return tap >= 0
        ? t.explainCT(activeLarge + 1, activeSmall + 1, formatNumber(kernel[tap]))
        : t.explainCTZero(activeLarge + 1, activeSmall + 1);
    }
    if (activeLarge !== null) {
      const { row, col } = position(activeLarge, n);
      if (stamps.length === 0) return t.explainLargeEmpty(row, col);
      const terms = stamps
        .map(({ index, tap }) => `${formatNumber(y[index])}·${formatNumber(kernel[tap])}`)
        .join(' + ');
      return t.explainLarge(
        row,
        col,
        stamps.length,
        terms,
        formatNumber(stampPartialSum(matrix, y, total)[activeLarge]),
      );
    }
    if (activeSmall !== null) return describeSmall(activeSmall);
    return t.transposedHint;
  })();

  return (
    <FlowSection
      id="transposed"
      title={t.transposedTitle}
      lead={t.transposedLead}
      explanation={explanation}
      legend={showOverlap ? t.overlapLegend : undefined}
      controls={
        <>
          <label>
            {t.smallValues}
            <select value={smallValues} onChange={(e) => onSmallValues(e.target.value as SmallValues)}>
              <option value="ones">{t.smallOnes}</option>
              <option value="convolution">{t.smallFromConv}</option>
            </select>
          </label>
          <label>
            <input type="checkbox" checked={showOverlap} onChange={(e) => setShowOverlap(e.target.checked)} />
            {t.showOverlap}
          </label>
          <StepControls
            {...controls}
            status={stepStatus({ start: t.stepStart, at: t.stepAt, done: t.stepDone }, step, total, o, y)}
          />
        </>
      }
    >
      <MapFigure
        label={t.smallMap}
        size={o}
        values={y}
        cellName={t.smallCell}
        look={(i) => {
          const stamp = stamps.find((s) => s.index === i);
          if (stamp) return { selected: true, fill: tapColour(stamp.tap) };
          return {
            selected: i === activeSmall,
            muted: (stepping && i >= step) || (activeLarge !== null && i !== activeSmall),
          };
        }}
        onActive={(index) => setActive(index === null ? null : { kind: 'small', index })}
      />
      <FlowArrow symbol="→" words={t.flatten} />
      <figure>
        <figcaption>
          Cᵀ ({n * n}×{o * o}) · y = Cᵀ·y
        </figcaption>
        <MatrixView
          label={t.matrixCT}
          matrix={matrix}
          transposed
          vector={y}
          product={sums}
          productHeading="Cᵀ·y"
          cellName={t.cTCell}
          rowName={t.cTRow}
          vectorName={t.yEntry}
          productName={t.ctyEntry}
          activeRow={activeLarge}
          activeCol={activeSmall}
          columnsDone={stepping ? step : null}
          onActive={(cell) => setActive(cell && { kind: 'matrix', ...cell })}
        />
      </figure>
      <FlowArrow symbol="→" words={t.reshape} />
      <MapFigure
        label={t.largeMap}
        size={n}
        values={sums}
        cellName={t.largeCell}
        look={(i) => {
          const badge = showOverlap ? `×${counts[i]}` : undefined;
          const inPatch = patch.find((s) => s.index === i);
          if (inPatch) return { selected: true, fill: tapColour(inPatch.tap), badge };
          const fill = showOverlap ? overlapShade(counts[i], most) : undefined;
          return {
            selected: i === activeLarge,
            fill,
            badge,
            muted: activeSmall !== null && active !== null && i !== activeLarge,
          };
        }}
        onActive={(index) => setActive(index === null ? null : { kind: 'large', index })}
      />
    </FlowSection>
  );
}
