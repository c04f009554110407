import { useId, useState } from 'react';
import {
  CONFIG_SCHEMA,
  type FieldName,
  type FieldSpec,
  parseField,
  type Refusal,
  type ResetReason,
  type RunConfig,
} from '../../gan/config.ts';
import { describeRefusal } from '../../i18n/settings.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { formatSetting } from '../../i18n/format.ts';

export interface SettingFieldProps {
  field: FieldName;
  /** The value shown: the run's, or a pending change waiting for Reset. */
  value: RunConfig[FieldName];
  /** Whether the current settings read this field at all. */
  used: boolean;
  /** Why the value shown waits for Reset, if it does: a live field's value can too (config.ts resetReason). */
  waiting?: ResetReason;
  /**
   * Commits a checked value. Live fields go to the worker (which may still refuse, e.g. LSGAN's
   * a = b); reset-only ones wait for Reset. Resolves with the worker's refusal when refused.
   */
  onCommit: (field: FieldName, value: RunConfig[FieldName]) => Promise<Refusal | undefined>;
  /** Labels for an enum's values. */
  choices?: Record<string, string>;
  /** A short note on what the setting means, shown under it (DCGAN's guidelines under the architecture). */
  help?: string;
  /** Compare mode: how the other run's value differs ("differs from Run B: 0.001"); the field is highlighted. */
  differs?: string;
}

function rangeText(spec: FieldSpec): string {
  if (spec.kind === 'enum') return '';
  return `${formatSetting(spec.min)} – ${formatSetting(spec.max)}`;
}

/**
 * One field of the run configuration, generated from its schema entry: a text input for numbers
 * (so any typing reaches our check and its message, rather than being dropped by the browser), a
 * menu for enums; its unit and range; and whether it applies live or on Reset. A number is committed
 * on Enter or blur; a bad one shows why and changes nothing.
 */
export function SettingField({ field, value, used, waiting, onCommit, choices, help, differs }: SettingFieldProps) {
  const strings = useStrings();
  const t = strings.controls;
  const spec: FieldSpec = CONFIG_SCHEMA[field];
  const [draft, setDraft] = useState<string>();
  // Kept as data and worded as it renders, so a language switch rewords it.
  const [refusal, setRefusal] = useState<{ by: 'field' | 'worker'; refusal: Refusal }>();
  const id = useId();
  const label = t.fields[field];
  const unit = spec.kind === 'number' && spec.unit ? (t.units[spec.unit] ?? spec.unit) : '';

  const commit = async (raw: string) => {
    const parsed = parseField(field, raw);
    if (!parsed.ok) {
      setRefusal({ by: 'field', refusal: parsed.refusal });
      return;
    }
    setDraft(undefined);
    setRefusal(undefined);
    const refused = await onCommit(field, parsed.value);
    if (refused) setRefusal({ by: 'worker', refusal: refused });
  };

  const problem = !refusal
    ? undefined
    : refusal.by === 'worker'
      ? `${t.refused} ${describeRefusal(refusal.refusal, strings.settings)}`
      : spec.kind === 'number'
        ? t.invalid(formatSetting(spec.min), formatSetting(spec.max), spec.integer === true)
        : describeRefusal(refusal.refusal, strings.settings);

  const live = spec.live && !waiting;
  const hint = waiting === 'criticBatchNorm' ? t.criticBatchNormHint : live ? t.liveHint : t.needsResetHint;
  const describe = `${id}-about ${id}-message`;
  const about = [unit, rangeText(spec), used ? '' : t.notUsed, help].filter(Boolean).join(' · ');
  return (
    <div className={`setting${used ? '' : ' unused'}${problem ? ' invalid' : ''}${differs ? ' differs' : ''}`}>
      <label htmlFor={id}>
        {label}
        <span className={`badge ${live ? 'live' : 'reset'}`} title={hint}>
          {live ? t.live : t.needsReset}
        </span>
      </label>
      {spec.kind === 'number' ? (
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          aria-label={label}
          aria-describedby={describe}
          aria-invalid={problem ? true : undefined}
          value={draft ?? formatSetting(Number(value))}
          onChange={(event) => setDraft(event.target.value)}
          onBlur={() => draft !== undefined && void commit(draft)}
          onKeyDown={(event) => {
            if (event.key === 'Enter' && draft !== undefined) void commit(draft);
            if (event.key === 'Escape') {
              setDraft(undefined);
              setRefusal(undefined);
            }
          }}
        />
      ) : (
        <select
          id={id}
          aria-label={label}
          aria-describedby={describe}
          value={String(value)}
          onChange={(event) => void commit(event.target.value)}
        >
          {spec.values.map((v) => (
            <option key={v} value={v}>
              {choices?.[v] ?? v}
            </option>
          ))}
        </select>
      )}
      <small id={`${id}-about`} className="about">
        {differs ? <strong className="differs-note">{differs}</strong> : null}
        {differs && about ? ' · ' : null}
        {about}
      </small>
      <small id={`${id}-message`} className="problem" role={problem ? 'alert' : undefined}>
        {problem ?? ''}
      </small>
    </div>
  );
}
