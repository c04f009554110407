import { memo } from 'react';
import { FIELD_NAMES, type FieldName } from '../../gan/config.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { isUsed } from '../../gan/usedSettings.ts';
import { advancedFields, mainFields } from './variants.ts';
import { SettingField } from './SettingField.tsx';
import type { Playground } from './usePlayground.ts';

/** The three axes of a model (DESIGN.md), which the variant menu sets together. */
const AXES: readonly FieldName[] = ['objective', 'architecture', 'conditioning'];

/** Labels for an enum field's values, from the controls strings. */
function useChoices() {
  const t = useStrings().controls;
  return (field: FieldName): Record<string, string> | undefined => {
    switch (field) {
      case 'objective':
        return t.objectives;
      case 'architecture':
        return t.architectures;
      case 'conditioning':
        return t.conditionings;
      case 'generatorActivation':
      case 'discriminatorActivation':
        return t.activations;
      case 'generatorOptimizer':
      case 'discriminatorOptimizer':
        return t.optimizers;
      case 'noise':
        return t.noises;
      case 'dataset':
        return t.datasets;
      default:
        return undefined;
    }
  };
}

/**
 * Every hyperparameter of the run configuration, generated from the schema: the ones the current
 * settings use up front, the three axes and everything else under Advanced. The pending notice says
 * which changes wait for Reset, and why settings that do not fit together cannot be applied.
 */
export const SettingsPanel = memo(function SettingsPanel({
  playground,
  differs,
}: {
  playground: Playground;
  /** Compare mode: the fields whose value differs from the other run's, with the sentence that says so. */
  differs?: Partial<Record<FieldName, string>>;
}) {
  const t = useStrings().controls;
  const choices = useChoices();
  const { shown } = playground;
  const field = (name: FieldName) => (
    <SettingField
      key={name}
      field={name}
      value={shown[name]}
      used={isUsed(name, shown)}
      waiting={playground.waiting[name]}
      onCommit={playground.commit}
      choices={choices(name)}
      help={name === 'architecture' ? t.architectureHelp : undefined}
      differs={differs?.[name]}
    />
  );
  return (
    <section className="settings-panel" aria-label={t.region}>
      <div className="setting-grid">{mainFields(shown).map(field)}</div>
      <details className="advanced">
        <summary>{t.advanced}</summary>
        <p className="lead">{t.advancedLead}</p>
        <div className="setting-grid">{AXES.map(field)}</div>
        <div className="setting-grid">{advancedFields(shown, FIELD_NAMES).map(field)}</div>
      </details>
    </section>
  );
});

/** Changes waiting for Reset, and settings that conflict; with a button to drop the changes. */
export function PendingNotice({ playground }: { playground: Playground }) {
  const t = useStrings().controls;
  const names = (Object.keys(playground.pending) as FieldName[]).map((name) => t.fields[name]);
  if (playground.pointsChanged) names.push(t.datasets.custom);
  if (names.length === 0 && playground.conflicts.length === 0) return null;
  return (
    <div className="pending" role="status">
      {names.length > 0 ? <span>{t.pending(names.join(', '))}</span> : null}
      {playground.conflicts.length > 0 ? (
        <span className="conflicts">
          {t.conflicts} {playground.conflicts.map((conflict) => t.conflictText[conflict]).join(' ')}
        </span>
      ) : null}
      <button type="button" onClick={playground.discard}>
        {t.discard}
      </button>
    </div>
  );
}
