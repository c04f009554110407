/**
 * The chosen objective's losses in TeX, in the course notes' notation (E_{x∼P_x(x)}, D(G(z)), the
 * critic D_w), with the live constants written in: each value sits under the symbol it replaces, so a
 * student reads both "b" and "1". Pure, so it is unit-tested without KaTeX or a browser.
 */
import type { RunConfig } from '../../gan/config.ts';
import { formatSetting } from '../controls/format.ts';

export interface ObjectiveTex {
  discriminator: string;
  generator: string;
  /** WGAN's clipping rule or WGAN-GP's penalty term, when the objective has one. */
  extra?: string;
  /** InfoGAN's information term, added to both losses. */
  information?: string;
}

type Constants = Pick<RunConfig, 'objective' | 'conditioning' | 'lsganA' | 'lsganB' | 'lsganC' | 'clipValue' | 'gradientPenalty' | 'infoLambda'>;

/** A value with the symbol it stands for written over it. */
const valued = (symbol: string, value: number) => `\\overset{${symbol}}{${formatSetting(value).replace(/e(-?\d+)/, '\\times 10^{$1}')}}`;

export function objectiveTex(config: Constants): ObjectiveTex {
  // CGAN feeds the label y to both networks: D(x|y), G(z|y).
  const y = config.conditioning === 'label' ? '\\mid y' : '';
  const Dx = `D(x${y})`;
  const Gz = `G(z${y})`;
  const DGz = `D(${Gz}${y})`;
  const Ex = '\\mathbb{E}_{x\\sim P_x(x)}';
  const Ez = '\\mathbb{E}_{z\\sim P_z(z)}';
  const information = config.conditioning === 'infoCodes' ? `-\\,${valued('\\lambda', config.infoLambda)}\\,L_I(G, Q)` : undefined;
  switch (config.objective) {
    case 'minimax':
      return {
        discriminator: `L_D = ${Ex}[-\\log ${Dx}] + ${Ez}[-\\log(1-${DGz})]`,
        generator: `L_G = ${Ez}[\\log(1-${DGz})]`,
        information,
      };
    case 'nonSaturating':
      return {
        discriminator: `L_D = ${Ex}[-\\log ${Dx}] + ${Ez}[-\\log(1-${DGz})]`,
        generator: `L_G = ${Ez}[-\\log ${DGz}]`,
        information,
      };
    case 'lsgan':
      return {
        discriminator: `L_D = ${Ex}[(${Dx}-${valued('b', config.lsganB)})^2] + ${Ez}[(${DGz}-${valued('a', config.lsganA)})^2]`,
        generator: `L_G = ${Ez}[(${DGz}-${valued('c', config.lsganC)})^2]`,
        information,
      };
    case 'wgan':
      return {
        discriminator: `L^{(D)} = -${Ex}[D_w(x${y})] + ${Ez}[D_w(${Gz}${y})]`,
        generator: `L^{(G)} = -${Ez}[D_w(${Gz}${y})]`,
        extra: `w \\leftarrow \\operatorname{clip}(w,\\ -${valued('c', config.clipValue)},\\ ${valued('c', config.clipValue)})`,
        information,
      };
    case 'wganGp':
      return {
        discriminator: `L^{(D)} = -${Ex}[D_w(x${y})] + ${Ez}[D_w(${Gz}${y})] + ${valued('\\lambda', config.gradientPenalty)}\\,\\mathbb{E}_{\\hat x}[(\\lVert \\nabla_{\\hat x} D_w(\\hat x${y}) \\rVert_2 - 1)^2]`,
        generator: `L^{(G)} = -${Ez}[D_w(${Gz}${y})]`,
        extra: `\\hat x = \\epsilon x + (1-\\epsilon)\\,${Gz},\\quad \\epsilon \\sim U(0, 1)`,
        information,
      };
  }
}
