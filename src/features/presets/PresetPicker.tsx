import { PRESETS, type PresetId } from '../../gan/presets.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import type { Playground } from '../controls/usePlayground.ts';
import { MENU_PRESETS, type MenuPresetId, PRESET_GROUPS } from './menu.ts';

const isMenuPreset = (value: string): value is MenuPresetId => MENU_PRESETS.some((id) => id === value);

/** The classroom menu: one choice loads a complete configuration, resets and starts training. */
export function PresetPicker({ playground }: { playground: Playground }) {
  const t = useStrings().presets;
  return (
    <label className="preset-picker">
      {t.label}
      <select
        aria-label={t.label}
        value={playground.preset ?? ''}
        onChange={(event) => isMenuPreset(event.target.value) && playground.loadPreset(event.target.value)}
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
      </select>
    </label>
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
