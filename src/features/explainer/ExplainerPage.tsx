import { useMemo, useState } from 'react';
import * as explainer from '../../i18n/explainer.ts';
import { useWords } from '../../i18n/useStrings.ts';
import {
  convolutionMatrix,
  type ConvSettings,
  DEFAULT_SETTINGS,
  defaultKernel,
  multiply,
  multiplyTransposed,
  normalizeSettings,
  outputSize,
  overlapCounts,
  sampleInput,
} from './convMatrix.ts';
import { DcganDiagram } from './DcganDiagram.tsx';
import './explainer.css';
import { ForwardSection } from './ForwardSection.tsx';
import { FractionalSection } from './FractionalSection.tsx';
import { fractionalTransposed } from './fractionalStride.ts';
import { type Example, ConvSettingsPanel } from './ConvSettingsPanel.tsx';
import { TfCheckBadge } from './TfCheckBadge.tsx';
import { type SmallValues, TransposedSection } from './TransposedSection.tsx';
import { useTfCheck } from './useTfCheck.ts';

/**
 * The examples. Checkerboard: kernel 3 is not divisible by stride 2, so stamps overlap unevenly;
 * even: kernel 4 with stride 2 and padding 1 is the DCGAN generator's layer in miniature (3×3 → 6×6).
 * Both use all-ones weights and values, so each large-map cell shows its overlap count.
 */
const EXAMPLES: Record<Example, { settings: ConvSettings; ones: boolean }> = {
  classic: { settings: DEFAULT_SETTINGS, ones: false },
  checkerboard: { settings: { inputSize: 6, kernelSize: 3, stride: 2, padding: 1 }, ones: true },
  even: { settings: { inputSize: 6, kernelSize: 4, stride: 2, padding: 1 }, ones: true },
};

/** The seed's "transposed convolution" notes made visible: C, Cᵀ, stamping, the fractional stride, and a check against tfjs. */
export function ExplainerPage() {
  const t = useWords(explainer);
  const [settings, setSettings] = useState<ConvSettings>(DEFAULT_SETTINGS);
  const [kernel, setKernel] = useState<number[]>(() => defaultKernel(DEFAULT_SETTINGS.kernelSize));
  const [smallValues, setSmallValues] = useState<SmallValues>('ones');

  const { inputSize: n } = settings;
  const matrix = useMemo(() => convolutionMatrix(settings, kernel), [settings, kernel]);
  const x = useMemo(() => sampleInput(n), [n]);
  const cx = useMemo(() => multiply(matrix, x), [matrix, x]);
  const y = useMemo(
    () => (smallValues === 'ones' ? Array<number>(matrix.rows).fill(1) : Array.from(cx)),
    [smallValues, matrix.rows, cx],
  );
  const cty = useMemo(() => multiplyTransposed(matrix, y), [matrix, y]);
  const fractional = useMemo(() => fractionalTransposed(settings, kernel, y), [settings, kernel, y]);
  const check = useTfCheck(
    useMemo(
      () => ({ settings, kernel, x, y, convolution: cx, transposed: cty, fractional }),
      [settings, kernel, x, y, cx, cty, fractional],
    ),
  );
  const unreadInputs = useMemo(() => overlapCounts(matrix).filter((count) => count === 0).length, [matrix]);

  const changeSetting = (field: keyof ConvSettings, value: number) => {
    const next = normalizeSettings({ ...settings, [field]: value });
    if (next.kernelSize !== settings.kernelSize) setKernel(defaultKernel(next.kernelSize));
    setSettings(next);
  };
  const loadExample = (example: Example) => {
    const { settings: next, ones } = EXAMPLES[example];
    setSettings(next);
    setKernel(ones ? Array<number>(next.kernelSize ** 2).fill(1) : defaultKernel(next.kernelSize));
    setSmallValues('ones');
  };

  // Remounting the transposed view on a new shape restarts its step-through at "all stamped".
  const shapeKey = `${settings.inputSize}-${settings.kernelSize}-${settings.stride}-${settings.padding}-${outputSize(settings)}`;

  return (
    <div className="xp-explainer" aria-label={t.heading} role="region">
      <div className="xp-explainer-top">
        <section className="xp-seed" aria-labelledby="xp-seed-title">
          <h2>{t.heading}</h2>
          <h3 id="xp-seed-title">{t.seedTitle}</h3>
          <ul>
            <li>{t.seedLarger}</li>
            <li>{t.seedSpread}</li>
            <li>
              <strong>{t.seedMatrix}</strong>
            </li>
          </ul>
          <TfCheckBadge state={check} />
        </section>
        <ConvSettingsPanel
          settings={settings}
          kernel={kernel}
          unreadInputs={unreadInputs}
          onSetting={changeSetting}
          onKernel={setKernel}
          onExample={loadExample}
        />
      </div>
      <ForwardSection key={`forward-${shapeKey}`} settings={settings} kernel={kernel} matrix={matrix} x={x} cx={cx} />
      <TransposedSection
        key={`transposed-${shapeKey}`}
        settings={settings}
        kernel={kernel}
        matrix={matrix}
        y={y}
        smallValues={smallValues}
        onSmallValues={setSmallValues}
      />
      <FractionalSection key={`fractional-${shapeKey}`} settings={settings} kernel={kernel} y={y} />
      <DcganDiagram onTry={() => loadExample('even')} />
    </div>
  );
}
