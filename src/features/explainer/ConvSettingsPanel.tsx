import { useState } from 'react';
import * as explainer from '../../i18n/explainer.ts';
import { useWords } from '../../i18n/useStrings.ts';
import { type ConvSettings, LIMITS, outputSize, paddingChoices, range } from './convMatrix.ts';
import { formatNumber, tapColour, weightName } from './format.ts';

export type Example = 'classic' | 'checkerboard' | 'even';

interface ConvSettingsPanelProps {
  readonly settings: ConvSettings;
  readonly kernel: readonly number[];
  readonly unreadInputs: number;
  readonly onSetting: (field: keyof ConvSettings, value: number) => void;
  readonly onKernel: (kernel: number[]) => void;
  readonly onExample: (example: Example) => void;
}

/** Sizes, stride, padding, the editable kernel and the ready-made examples. */
export function ConvSettingsPanel({
  settings,
  kernel,
  unreadInputs,
  onSetting,
  onKernel,
  onExample,
}: ConvSettingsPanelProps) {
  const t = useWords(explainer);
  const { inputSize: n, kernelSize: k, stride: s, padding: p } = settings;
  const select = (
    field: keyof ConvSettings,
    label: string,
    options: number[],
    text: (v: number) => string,
    disabled?: (v: number) => boolean,
  ) => (
    <label>
      {label}
      <select value={settings[field]} onChange={(e) => onSetting(field, Number(e.target.value))}>
        {options.map((v) => (
          <option key={v} value={v} disabled={disabled?.(v)}>
            {text(v)}
          </option>
        ))}
      </select>
    </label>
  );
  const square = (v: number) => `${v}×${v}`;

  return (
    <section className="xp-settings" aria-labelledby="xp-settings-title">
      <h3 id="xp-settings-title">{t.settingsTitle}</h3>
      <div className="xp-selects">
        {select('inputSize', t.inputSize, range(LIMITS.inputSize.min, LIMITS.inputSize.max), square)}
        {select('kernelSize', t.kernelSize, range(LIMITS.kernelSize.min, LIMITS.kernelSize.max), square)}
        {select('stride', t.stride, range(LIMITS.stride.min, LIMITS.stride.max), String)}
        {/* A padding too small for the kernel to fit even once is shown but not offered. */}
        {select('padding', t.padding, paddingChoices(k), String, (v) => n + 2 * v < k)}
      </div>
      <p className="xp-rule">{t.sizeRule(n, k, s, p, outputSize(settings))}</p>
      {unreadInputs > 0 && <p className="xp-rule">{t.unread(unreadInputs)}</p>}
      <div className="xp-kernel-row">
        <KernelEditor kernel={kernel} size={k} onKernel={onKernel} />
        <div className="xp-examples" role="group" aria-labelledby="xp-examples-title">
          <strong id="xp-examples-title">{t.examples}</strong>
          <button type="button" onClick={() => onExample('classic')}>
            {t.exampleClassic}
          </button>
          <button type="button" onClick={() => onExample('checkerboard')}>
            {t.exampleCheckerboard}
          </button>
          <button type="button" onClick={() => onExample('even')}>
            {t.exampleEven}
          </button>
        </div>
      </div>
    </section>
  );
}

/**
 * One number field per weight, filled with the colour that marks that weight everywhere else.
 * A field keeps what is typed ("-", "0.") until it parses, so typing never snaps back.
 */
function KernelEditor({
  kernel,
  size,
  onKernel,
}: {
  kernel: readonly number[];
  size: number;
  onKernel: (kernel: number[]) => void;
}) {
  const t = useWords(explainer);
  const [drafts, setDrafts] = useState<Record<number, string>>({});
  const edit = (tap: number, text: string) => {
    setDrafts((d) => ({ ...d, [tap]: text }));
    const value = Number(text);
    if (text.trim() !== '' && Number.isFinite(value)) onKernel(kernel.map((w, i) => (i === tap ? value : w)));
  };
  const settle = (tap: number) =>
    setDrafts((d) => {
      const rest = { ...d };
      delete rest[tap];
      return rest;
    });

  return (
    <fieldset className="xp-kernel">
      <legend>{t.kernelTitle}</legend>
      <div className="xp-kernel-grid" style={{ gridTemplateColumns: `repeat(${size}, auto)` }}>
        {kernel.map((weight, tap) => (
          <label key={tap} style={{ background: tapColour(tap) }}>
            <span aria-hidden="true">{weightName(tap)}</span>
            <input
              type="number"
              step="0.5"
              aria-label={t.kernelWeight(Math.floor(tap / size) + 1, (tap % size) + 1)}
              value={drafts[tap] ?? formatNumber(weight)}
              onChange={(e) => edit(tap, e.target.value)}
              onBlur={() => settle(tap)}
            />
          </label>
        ))}
      </div>
    </fieldset>
  );
}
