import type { TrainingClient } from '../../client/TrainingClient.ts';
import { COMPARISON_IDS, type ComparisonId, isComparison } from '../../gan/comparisons.ts';
import { PRESETS, type PresetId } from '../../gan/presets.ts';
import * as comparisons from '../../i18n/comparisons.ts';
import { useStrings, useWords } from '../../i18n/useStrings.ts';
import type { Playground } from '../controls/usePlayground.ts';
import { MENU_PRESETS, type MenuPresetId, PRESET_GROUPS } from './menu.ts';
import { TrainedStart } from './TrainedStart.tsx';

const isMenuPreset = (value: string): value is MenuPresetId => MENU_PRESETS.some((id) => id === value);

/** A comparison's value in the menu: its id after this prefix (a preset's value is its bare id). */
const COMPARE_PREFIX = 'compare:';

/**
 * The classroom menu: one choice loads a complete configuration, resets and starts training. Its
 * comparisons (src/gan/comparisons.ts) load a failure and its fix as runs A and B of compare mode.
 * With the run's client (single mode), a preset that ships a trained model offers to start from it.
 */
export function PresetPicker({
  client,
  playground,
  comparison,
  onComparison,
}: {
  client?: TrainingClient;
  playground: Playground;
  /** The comparison loaded, if one is (compare mode). */
  comparison?: ComparisonId;
  onComparison(id: ComparisonId): void;
}) {
  const t = useStrings().presets;
  const c = useWords(comparisons);
  const choose = (value: string) => {
    const id = value.startsWith(COMPARE_PREFIX) ? value.slice(COMPARE_PREFIX.length) : undefined;
    if (id !== undefined && isComparison(id)) onComparison(id);
    else if (isMenuPreset(value)) playground.loadPreset(value);
  };
  return (
    <>
      <label className="preset-picker">
        {t.label}
        <select
          aria-label={t.label}
          value={comparison ? COMPARE_PREFIX + comparison : (playground.preset ?? '')}
          onChange={(event) => choose(event.target.value)}
        >
          <option value="" disabled>
            {t.choose}
          </option>
          {PRESET_GROUPS.map((group) => (
            <optgroup key={group.id} label={t.groups[group.id]}>
              {group.presets.map((id) => (
                <option key={id} value={id}>
                  {t.presets[id].name}
                </option>
              ))}
            </optgroup>
          ))}
          <optgroup label={c.group}>
            {COMPARISON_IDS.map((id) => (
              <option key={id} value={COMPARE_PREFIX + id}>
                {c.comparisons[id].name}
              </option>
            ))}
          </optgroup>
        </select>
      </label>
      {client && !comparison ? <TrainedStart key={playground.preset} client={client} playground={playground} /> : null}
    </>
  );
}

/** What the loaded preset shows and where to look. */
export function PresetCard({ preset }: { preset?: PresetId }) {
  const t = useStrings().presets;
  if (!preset || !isMenuPreset(preset)) return null;
  const { name, text } = t.presets[preset];
  const kind = PRESETS[preset].kind;
  return (
    <section className={`preset-card ${kind}`} aria-label={t.cardTitle(name)}>
      <h2>
        <span className="kind">{t.kinds[kind]}</span> {name}
      </h2>
      <p>
        <strong>{t.lookAt}:</strong> {text}
      </p>
    </section>
  );
}

/** What the loaded comparison shows and where to look, for both runs at once. */
export function ComparisonCard({ comparison }: { comparison?: ComparisonId }) {
  const t = useStrings().presets;
  const c = useWords(comparisons);
  if (!comparison) return null;
  const { name, text } = c.comparisons[comparison];
  return (
    <section className="preset-card comparison" aria-label={c.cardTitle(name)}>
      <h2>{name}</h2>
      <p>
        <strong>{t.lookAt}:</strong> {text}
      </p>
    </section>
  );
}
