/**
 * The theory behind the losses, in TeX and in the course notes' notation (E_{x∼P_x(x)}, D(G(z))):
 * the game's value and its equilibrium, the optimal discriminator, the Wasserstein distance and its
 * dual. The formula card (FormulaCard.tsx) and the lessons (src/features/lessons) both read them
 * from here. Sources: Goodfellow et al. 2014 (V, D*, Theorem 1), Arjovsky et al. 2017 (W, its
 * Kantorovich–Rubinstein dual), Villani 2009, Optimal Transport, Thm 5.10 (the duality is an equality).
 */

const Ex = '\\mathbb{E}_{x\\sim P_x(x)}';
const Ez = '\\mathbb{E}_{z\\sim P_z(z)}';

export const THEORY_TEX = {
  /** The value of the game: D maximises it, G minimises it. Two lines, so it fits the formula card's width. */
  value: `\\begin{aligned} \\min_G \\max_D V(D, G) &= ${Ex}[\\log D(x)] \\\\ &\\quad + ${Ez}[\\log(1 - D(G(z)))] \\end{aligned}`,
  /** A Nash equilibrium: neither player gains by changing its strategy alone. */
  nash: 'V(D, G^*) \\le V(D^*, G^*) \\le V(D^*, G) \\quad \\text{for every } D \\text{ and } G',
  /** The best D against a fixed G, and what it is where G has matched the data. */
  optimalDiscriminator:
    'D^*(x) = \\frac{p_{\\text{data}}(x)}{p_{\\text{data}}(x) + p_g(x)} \\;\\xrightarrow{\\;p_g = p_{\\text{data}}\\;}\\; \\tfrac{1}{2}',
  /** The value against the best D: −log 4 plus twice the Jensen–Shannon divergence, so −log 4 exactly at p_g = p_data. */
  valueAtOptimum: 'V(D^*, G) = -\\log 4 + 2\\,\\mathrm{JS}(p_{\\text{data}} \\,\\|\\, p_g)',
  /** The Wasserstein-1 distance: the cheapest plan γ that moves p_g's mass onto p_r's. */
  wasserstein:
    'W(p_r, p_g) = \\inf_{\\gamma \\in \\Pi(p_r, p_g)} \\mathbb{E}_{(x, y) \\sim \\gamma}\\big[\\lVert x - y \\rVert\\big]',
  /** Kantorovich–Rubinstein duality: an equality, the sup over 1-Lipschitz f. */
  duality:
    'W(p_r, p_g) = \\sup_{\\lVert f \\rVert_L \\le 1} \\mathbb{E}_{x \\sim p_r}[f(x)] - \\mathbb{E}_{y \\sim p_g}[f(y)]',
} as const;

export type TheoryFormula = keyof typeof THEORY_TEX;
