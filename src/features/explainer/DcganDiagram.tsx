import type { CSSProperties } from 'react';
import * as explainer from '../../i18n/explainer.ts';
import { useWords } from '../../i18n/useStrings.ts';

/**
 * The generator of src/gan/architectures/dcgan.ts drawn to scale: latent → dense → 7×7×2C → conv
 * 3×3 → 7×7×2C → transposed conv 4×4 /2 → 14×14×C → transposed conv 4×4 /2 → 28×28×1. Its tfjs padding 'same'
 * works out to one zero ring on each side here, which is the "even overlap" example's p = 1.
 */
const CELL_PX = 5;

function FeatureMap({ size, depth }: { size: number; depth: string }) {
  const style = { '--side': `${size * CELL_PX}px`, '--grid': `${CELL_PX}px` } as CSSProperties;
  return (
    <div className="xp-dcgan-map">
      <div className="xp-dcgan-square" style={style} aria-hidden="true" />
      <span>
        {size}×{size}×{depth}
      </span>
    </div>
  );
}

function Step({ label, transposed }: { label: string; transposed?: boolean }) {
  return (
    <div className={`xp-dcgan-step${transposed ? ' xp-transposed' : ''}`}>
      <span className="xp-dcgan-arrow" aria-hidden="true">
        →
      </span>
      <span>{label}</span>
      {transposed && <strong>Cᵀ</strong>}
    </div>
  );
}

export function DcganDiagram({ onTry }: { onTry: () => void }) {
  const t = useWords(explainer);
  return (
    <section className="xp-explainer-section xp-dcgan" aria-labelledby="xp-dcgan-title">
      <h3 id="xp-dcgan-title">{t.dcganTitle}</h3>
      <p className="xp-lead">{t.dcganLead}</p>
      <figure className="xp-dcgan-flow" aria-label="7×7 → 14×14 → 28×28">
        <div className="xp-dcgan-map">
          <div className="xp-dcgan-noise" aria-hidden="true" />
          <span>{t.dcganNoise}</span>
        </div>
        <Step label={t.dcganDense} />
        <FeatureMap size={7} depth="2C" />
        <Step label={t.dcganGrid} />
        <FeatureMap size={7} depth="2C" />
        <Step label={`${t.dcganStep}, 4×4`} transposed />
        <FeatureMap size={14} depth="C" />
        <Step label={`${t.dcganStep}, 4×4`} transposed />
        <FeatureMap size={28} depth="1" />
        <span className="xp-dcgan-output">{t.dcganImage}</span>
      </figure>
      <p className="xp-rule">{t.dcganRule}</p>
      <h4>{t.dcganGuidelinesTitle}</h4>
      <ul className="xp-guidelines">
        {t.dcganGuidelines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
      <p>
        <button type="button" onClick={onTry}>
          {t.dcganTry}
        </button>{' '}
        {t.dcganPlayground}
      </p>
    </section>
  );
}
