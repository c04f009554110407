/**
 * The chosen objective's losses in TeX, in the course notes' notation (E_{x∼P_x(x)}, D(G(z)), the
 * critic D_w), with the live constants written in: each value sits under the symbol it replaces, so a
 * student reads both "b" and "1". Each objective writes its own (its module's `tex`); this file gives
 * them the notation and adds InfoGAN's term. Pure, so it is unit-tested without KaTeX or a browser.
 */
import type { RunConfig } from '../../gan/config.ts';
import { OBJECTIVE_MODULES } from '../../gan/objectives/modules.ts';
import type { Notation, ObjectiveTex as LossesTex } from '../../gan/objectives/types.ts';
import { formatSetting } from '../../i18n/format.ts';

export interface ObjectiveTex extends LossesTex {
  /** InfoGAN's information term, added to both losses. */
  information?: string;
}

type Constants = Pick<
  RunConfig,
  'objective' | 'conditioning' | 'lsganA' | 'lsganB' | 'lsganC' | 'clipValue' | 'gradientPenalty' | 'infoLambda'
>;

/** A value with the symbol it stands for written over it. */
const valued = (symbol: string, value: number) =>
  `\\overset{${symbol}}{${formatSetting(value).replace(/e(-?\d+)/, '\\times 10^{$1}')}}`;

export function objectiveTex(config: Constants): ObjectiveTex {
  // CGAN feeds the label y to both networks: D(x|y), G(z|y).
  const y = config.conditioning === 'label' ? '\\mid y' : '';
  const Gz = `G(z${y})`;
  const notation: Notation = {
    Dx: `D(x${y})`,
    Gz,
    DGz: `D(${Gz}${y})`,
    y,
    Ex: '\\mathbb{E}_{x\\sim P_x(x)}',
    Ez: '\\mathbb{E}_{z\\sim P_z(z)}',
    valued,
  };
  const information =
    config.conditioning === 'infoCodes' ? `-\\,${valued('\\lambda', config.infoLambda)}\\,L_I(G, Q)` : undefined;
  return { ...OBJECTIVE_MODULES[config.objective].tex(notation, config), information };
}
