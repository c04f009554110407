import { DATASETS, type DatasetId } from '../../gan/config.ts';
import { useStrings } from '../../i18n/useStrings.ts';
import { VARIANT_IDS, type VariantId, variantOf } from './variants.ts';
import type { Playground } from './usePlayground.ts';

const isDataset = (value: string): value is DatasetId => DATASETS.some((d) => d === value);
const isVariant = (value: string): value is VariantId => VARIANT_IDS.some((v) => v === value);

/** The two menus a lesson starts from: what data, and which of the seed's GANs. */
export function RunMenus({ playground }: { playground: Playground }) {
  const t = useStrings().controls;
  const variant = variantOf(playground.shown);
  return (
    <div className="run-menus">
      <label>
        {t.dataset}
        <select
          aria-label={t.dataset}
          value={playground.shown.dataset}
          onChange={(event) => isDataset(event.target.value) && void playground.chooseDataset(event.target.value)}
        >
          {DATASETS.map((id) => (
            <option key={id} value={id}>
              {t.datasets[id]}
            </option>
          ))}
        </select>
      </label>
      <label>
        {t.variant}
        <select
          aria-label={t.variant}
          value={variant ?? 'custom'}
          onChange={(event) => isVariant(event.target.value) && void playground.chooseVariant(event.target.value)}
        >
          {VARIANT_IDS.map((id) => (
            <option key={id} value={id}>
              {t.variants[id]}
            </option>
          ))}
          {variant ? null : (
            <option value="custom" disabled>
              {t.variantCustom}
            </option>
          )}
        </select>
      </label>
    </div>
  );
}
