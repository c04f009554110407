import { useId, useState } from 'react';
import type { TrainingClient, TrainingSnapshot } from '../../client/TrainingClient.ts';
import { useTraining } from '../../client/useTraining.ts';
import { CONFIG_SCHEMA, type FieldName, parseField } from '../../gan/config.ts';
import { useStrings } from '../../i18n/useStrings.ts';

type NumberFieldName = { [K in FieldName]: (typeof CONFIG_SCHEMA)[K] extends { kind: 'number' } ? K : never }[FieldName];

/**
 * A live numeric setting of the run. The draft is committed on Enter or when the field loses focus,
 * not on every keystroke (a half-typed "0.0" is not a learning rate); a refused value shows why and
 * leaves the run as it was.
 */
export function NumberSetting({ client, field, label }: { client: TrainingClient; field: NumberFieldName; label: string }) {
  const t = useStrings().playground;
  const spec = CONFIG_SCHEMA[field];
  const value = useTraining(client, (s: TrainingSnapshot) => s.config[field]);
  const [draft, setDraft] = useState<string>();
  const [problem, setProblem] = useState<string>();
  const messageId = useId();

  const commit = async () => {
    if (draft === undefined) return;
    const parsed = parseField(field, draft);
    if (!parsed.ok) {
      setProblem(t.outOfRange.replace('{min}', String(spec.min)).replace('{max}', String(spec.max)));
      return;
    }
    setDraft(undefined);
    setProblem(undefined);
    const result = await client.update({ [field]: parsed.value });
    const refused = result.refused.find((r) => r.field === field);
    if (refused) setProblem(refused.reason);
  };

  return (
    <label className="number-setting">
      {label}
      <input
        type="number"
        inputMode="decimal"
        step="any"
        min={spec.min}
        max={spec.max}
        value={draft ?? String(value)}
        aria-invalid={problem ? true : undefined}
        aria-describedby={messageId}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={() => void commit()}
        onKeyDown={(event) => {
          if (event.key === 'Enter') void commit();
          if (event.key === 'Escape') {
            setDraft(undefined);
            setProblem(undefined);
          }
        }}
      />
      <small id={messageId} className={problem ? 'problem' : 'hint'} role={problem ? 'alert' : undefined}>
        {problem ?? (spec.live ? t.appliesLive : '')}
      </small>
    </label>
  );
}
