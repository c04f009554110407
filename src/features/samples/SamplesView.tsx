import { useMemo } from 'react';
import type { RunConfig } from '../../gan/config.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import type { RealSamples, SamplesEvent } from '../../worker/protocol.ts';
import { ImageGrid } from './ImageGrid.tsx';

/** How many values the conditioning cycles through: the sample grid gives sample i the value i mod K. */
function conditionValues(config: RunConfig): number {
  if (config.conditioning === 'label') return 10;
  if (config.conditioning === 'infoCodes') return config.categories;
  return 0;
}

/** G's samples on the fixed noise, rows per label or code value when conditioned, next to real ones. */
export function SamplesView({
  samples,
  real,
  config,
}: {
  samples?: SamplesEvent;
  real?: RealSamples;
  config: RunConfig;
}) {
  const t = useStrings().views;
  const values = conditionValues(config);
  const count = samples?.count ?? 0;
  const generatedRows = useMemo(
    () => (values ? Array.from({ length: count }, (_, i) => i % values) : undefined),
    [values, count],
  );
  const realRows = values ? real?.labels : undefined;
  if (!samples?.imageShape) return <p className="quiet">{t.waitingForSamples}</p>;
  const kind = config.conditioning === 'label' ? 'label' : 'code';
  const rowLabels = values ? Array.from({ length: values }, (_, v) => t.row(kind, v)) : undefined;
  return (
    <div className="samples-view">
      <figure>
        <figcaption>{t.generatedSamples}</figcaption>
        <ImageGrid
          values={samples.values}
          count={samples.count}
          shape={samples.imageShape}
          columns={8}
          rowIndex={generatedRows}
          scale={1.5}
          label={t.generatedSamples}
          rowLabels={rowLabels}
        />
      </figure>
      {real ? (
        <figure>
          <figcaption>{t.realSamples}</figcaption>
          <ImageGrid
            values={real.values}
            count={real.count}
            shape={real.imageShape}
            columns={4}
            rowIndex={realRows}
            scale={1.5}
            label={t.realSamples}
          />
        </figure>
      ) : null}
    </div>
  );
}
