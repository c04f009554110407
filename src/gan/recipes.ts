import {
  type ConditioningId,
  CONFIG_SCHEMA,
  type FieldName,
  type ObjectiveId,
  OBJECTIVES,
  parseField,
  type RunConfig,
} from './config.ts';
import { OBJECTIVE_MODULES } from './objectives/modules.ts';
import type { Settings } from './objectives/types.ts';

/**
 * A module's recipe as settings, each checked against the schema: a recipe that names no setting or
 * a value the schema refuses throws when this file loads, so every test that reads recipes fails.
 */
function checkedRecipe(owner: string, recipe: Settings): Partial<RunConfig> {
  const checked: Record<string, unknown> = {};
  for (const [name, raw] of Object.entries(recipe)) {
    if (!Object.hasOwn(CONFIG_SCHEMA, name)) throw new Error(`${owner}'s recipe: ${name} is not a setting`);
    const result = parseField(name as FieldName, raw);
    if (!result.ok) throw new Error(`${owner}'s recipe: ${name} = ${raw} is refused (${result.refusal.code})`);
    checked[name] = result.value;
  }
  return checked as Partial<RunConfig>;
}

const OBJECTIVE_RECIPES = Object.fromEntries(
  OBJECTIVES.map((id) => [id, checkedRecipe(id, OBJECTIVE_MODULES[id].recipe)]),
) as Record<ObjectiveId, Partial<RunConfig>>;

/**
 * The settings an objective trains well with on the 2D sets (its module's `recipe`, with the sources
 * beside it), applied when a student picks the objective (the variant menu, the CLI's --objective).
 * Anything set explicitly wins.
 */
export function recipeFor(objective: ObjectiveId): Partial<RunConfig> {
  return { objective, ...OBJECTIVE_RECIPES[objective] };
}

/**
 * The sizes and rates an MLP trains with on the 2D sets: the schema's defaults (RESEARCH.md §2's
 * ring recipe). Restored when a run leaves MNIST, whose recipes below change them.
 */
export const TWO_D_MLP: Partial<RunConfig> = {
  latentSize: 2,
  generatorLayers: 2,
  generatorWidth: 64,
  discriminatorLayers: 2,
  discriminatorWidth: 64,
  discriminatorActivation: 'relu',
  batchSize: 128,
  generatorLearningRate: 1e-3,
  discriminatorLearningRate: 1e-3,
};

/** MLPs on flattened MNIST: a 32-d latent, LeakyReLU in D, batch 64 (the 2D sizes learn no digits). */
const mnistMlp: Partial<RunConfig> = { latentSize: 32, discriminatorActivation: 'leakyRelu', batchSize: 64 };

/**
 * What an MLP on flattened MNIST trains with, for each conditioning; measured with `npm run train`
 * on wasm at seed 1 (label accuracy and code purity by the project's digit classifier).
 */
export const MNIST_MLP_RECIPES: Record<ConditioningId, Partial<RunConfig>> = {
  // The mnistDefault preset: CGAN's sizes without the label (G 2×256, D 1×256) at Adam 2e-3, which
  // draws digits within class time (issue 17: score ≥ 5 with ≥ 9 digits within 120 s, ~4,000
  // iterations on a quiet machine). First iteration at that mark (`npm run train --backend wasm
  // --report-every 250`): seeds 1, 2, 3 (tuned on) 2,750, 2,500, 2,000; seeds 4, 5 (verified on)
  // 2,750, 2,750. At Adam 1e-3 seed 1 read 4.4 at 3,000 and 4.7 at 4,000, never 5. No diagnosis card
  // in its first 60 s at seeds 1–3 (`npm run bench -- presets --seeds 3 --seconds 60 --presets
  // mnistDefault`, load ~4). Radford et al.'s 2e-4 with one G layer, an earlier recipe, read 2.0
  // (5 classes) at 2,000 and 3.3 (9) at 3,000.
  none: {
    ...mnistMlp,
    generatorLayers: 2,
    generatorWidth: 256,
    discriminatorLayers: 1,
    discriminatorWidth: 256,
    generatorLearningRate: 2e-3,
    discriminatorLearningRate: 2e-3,
  },
  // With an auxiliary class head on D (label.ts, λ_D = 3, λ_G = 10). Tuned at seeds 1–3 to 2,000–2,500
  // iterations (wasm, λ = 3 in both losses): G 2×512 read 0.87 at 2,000 at seed 1, batch 128 0.88
  // (0.90 at 2,000 here); Adam 5e-4 0.87 at seed 2 (0.95 here); Adam's β2 0.99 0.66 at 500 at seed
  // 2, 0.42 at its lowest after and 0.95 at 3,000 (β2 0.999: 0.90 at 500, 0.77 at 1,000). D at
  // twice G's rate (TTUR, Heusel et al. 2017): with λ_G = 10, seeds 4, 5 (tuned on) read 0.97, 0.97
  // at 2,500 (0.81, 0.88 at D 1e-3); G at 5e-4 instead dipped less (0.87, 0.82 at the lowest) but read
  // 0.91, 0.89 at 2,500.
  label: {
    ...mnistMlp,
    generatorLayers: 2,
    generatorWidth: 256,
    discriminatorLayers: 1,
    discriminatorWidth: 256,
    generatorLearningRate: 1e-3,
    discriminatorLearningRate: 2e-3,
  },
  infoCodes: {
    ...mnistMlp,
    generatorLayers: 2,
    generatorWidth: 256,
    discriminatorLayers: 1,
    discriminatorWidth: 256,
    generatorLearningRate: 1e-3,
    discriminatorLearningRate: 1e-3,
  },
};

/**
 * What DCGAN trains with on MNIST (architectures/dcgan.ts, C = 16): the dcganMnist preset and the
 * DCGAN variant. A 32-d latent and batch 32 (Radford et al.'s batch 64 costs twice a step), Adam
 * with β1 0.5 (theirs), G at 3e-3 and D at 6e-4 so that digits come in class time on a CPU (issue
 * 17). Screened in PyTorch on these networks (scripts/research/dcgan-diagnosis.py, the project's
 * classifier), score at 400 / 600 iterations: seeds 1–4 (tuned on) 5.4–6.1 / 6.2–6.2 against
 * 4.0–4.7 / 4.6–5.5 at the earlier G 5e-4, D 2e-4; seeds 5–8 (verified on) 4.2–5.9 / 6.2–6.7
 * against 4.1–4.9 / 4.7–5.6. G 2e-3 with D 4e-4 read 5.1–5.8 / 6.0–6.6, D at G's rate 5e-4 worse
 * (4.2–5.2 at 600). Trained on to 4,000 (seeds 1, 5) the score kept climbing, 6.7 → 7.2.
 */
export const DCGAN_MNIST: Partial<RunConfig> = {
  latentSize: 32,
  batchSize: 32,
  generatorLearningRate: 3e-3,
  discriminatorLearningRate: 6e-4,
};

/**
 * What InfoGAN trains with on MNIST, the InfoGAN variant's there and the infoganMnist preset's:
 * DCGAN's networks (the paper's MNIST InfoGAN is convolutional too) with DCGAN_MNIST's sizes and
 * rates, a 32-d latent ⊕ a categorical code of 10 values ⊕ 2 continuous codes in U(−1, 1) (the
 * paper's MNIST layout, RESEARCH.md §1), Q sharing D's trunk, λ = 1, and G reading the noise at
 * σ = 0.15 (infoNoiseScale, conditioning/info-codes.ts), so that the digit is left to the
 * categorical code.
 *
 * Screened in the exported PyTorch script (the project's classifier, code values' majority digits
 * at 2,000 iterations): DCGAN at σ = 1 held 7 and 7 digits at seeds 1–2 (purity 0.50–0.53: the
 * noise chose the digit, the code a style), at σ = 0.3 8 (seed 1), at σ = 0.2 8, 8, 7, 8 at seeds
 * 1–4 (purity 0.75–0.80), at σ = 0.15 9, 9, 10, 7, 8 at seeds 1–5 (purity 0.83–0.96; G drew 9–10
 * digits), at σ = 0.1 6 (seed 1: G drew 7 digits). Which digits the codes pick still wanders
 * between checkpoints (seed 3: 10, 7, 9, 10 at 2,000, 2,500, 3,000, 4,000). In Nash
 * (`npm run bench -- infogan`, wasm): 7, 9, 9 at seeds 1–3 and 9, 9, 7 at seeds 4–6 (8, 9, 8 and 7, 7,
 * 8 before batch norm's own gradient changed the rounding; the MLP: 8, 7, 8, 7, 6, 5). At σ = 0.15 in PyTorch, seeds 1–5 at 2,000, none did better: λ = 2 9, 8, 7, 7, 7; G 2e-3 /
 * D 4e-4 8, 8, 7, 9 (seeds 1–4); batch 64 7, 8, 7 (seeds 1–3).
 * The MLP recipe (MNIST_MLP_RECIPES.infoCodes, what an MLP chosen under Advanced trains with) held 8,
 * 7, 8, 7, 6, 5, 7, 5 digits at seeds 1–8 in Nash and drew them poorly (classifier score 3–5 against
 * DCGAN's 6–7); what it drops is digits, not purity: a smaller σ made it drop more. Many other MLP
 * recipes were screened and none held ≥ 8 at every seed (git log of presets.ts's comment, 139d3de).
 * Also without gain at σ = 0.15 (PyTorch, seeds 1–5 at 2,000): G at 1e-3 8, 7 (seeds 1–2); D at 3e-4
 * 8, 6, 7, 6, 8; λ = 0.5 8, 8, 9, 7, 7; Adam's β2 0.99 9, 8, 7, 7, 9. A third screen (PyTorch, torch
 * 1.13 on OpenBLAS, seeds 1–8 at 2,000; the recipe itself read 6, 7, 6, 8, 7, 6, 9, 8 there): a
 * minibatch-std scalar in D's score 7, 8, 7, 7, 7, 7, 8, 8; G's average at 0.99 7, 7, 7, 8, 7, 7, 8, 8;
 * both rates decayed linearly to 10% 8, 7, 7, 9, 8, 7, 8, 7; at seeds 1–3 (or 1–2) real and fake in
 * one batch-norm batch 7, 8, 7, Q's code read from shifted and thickened fakes too 7, 7, a
 * diversity-sensitive term across code values 7, 7 (weight 1) and 7, 8 (0.3), 32 channels 8, 6:
 * none beyond the seeds' own spread. The same script on CUDA (torch 2.11, an H200, seeds 1–6 or 7):
 * the recipe 6, 7, 8, 8, 7, 7, 8; σ = 0.2 9, 9, 6, 8, 7, 9, 9; G at 2e-3 9, 8, 9, 7, 7, 7; λ = 1.5
 * 7, 8, 8, 8, 7, 7; 24 channels 7, 7, 7, 8, 8, 8; a 16-d latent 6, 7, 7, 7, 8, 8; one continuous code
 * 8, 8, 7, 8, 7, 6, 6; none 5, 7, 7, 8, 7, 5, 6. σ = 0.2, the best there, in Nash (`npm run bench --
 * infogan --seeds 1-6 --info-noise-scale 0.2`): 8, 9, 7, 9, 8, 7, against the recipe's 7, 9, 9, 9, 9,
 * 7. A fourth screen (PyTorch CPU, stop 34): Q also made to cluster the real batch, D's loss plus
 * −η·(H(E_x Q(ĉ|x)) − E_x H(Q(ĉ|x))) (RIM, Krause et al. 2010; CatGAN's D): at η = 0.3 seeds 1–8
 * read 8, 9, 9, 9, 8, 8, 8, 9, but the held-out seeds 9–16 read 7, 7, 9, 8, 7, 7, 7, 7 against the
 * recipe's 8, 8, 8, 7, 8, 8, 7, 7 there (recipe at 1–8: 6, 7, 6, 8, 7, 6, 9, 8); η = 0.1 7, 7, 7, 7,
 * 7, 9, 8, 7; 0.2 7, 8, 6, 9, 8, 8, 7, 8; 0.5 7, 9, 7, 7, 6, 8, 9, 7; 1 7, 10, 8, 7, 7, 8, 7, 8; the
 * balance term alone (η = 1) 6, 6, 5, 8, 8, 7, 7, 8; the confidence term alone (0.3) 8, 8, 6, 8, 7, 8,
 * 7, 9: no lever either, and not kept. Two G steps per iteration 7, 8, 8, 6, 6, 7, 5, 7; σ annealed
 * from 0.05 to 0.15 over the first 1,000 iterations 7, 7, 9, 9, 9, 7, 7, 6; the clustering term at
 * η = 0.3 with Q also made to read a real digit shifted by up to 2 pixels as it reads the digit
 * (IMSAT's self-augmentation, Hu et al. 2017), seeds 1–16: 8, 7, 8, 8, 7, 6, 6, 6, 8, 8, 6, 8, 8, 7,
 * 7, 7; spectral norm on D's layers (Miyato et al. 2018), seeds 1–16: 7, 7, 7, 6, 7, 8, 6, 7, 8, 6, 7, 8,
 * 8, 6, 7, 7. A fifth screen (stop 35, PyTorch CPU, seeds 1–16; the recipe's mean there 7.4): Q on
 * a trunk of its own (D's layers, not shared with D) 7, 8, 6, 7, 8, 8, 7, 9, 7, 7, 8, 7, 6, 9, 8, 8
 * (mean 7.5); D judging fakes and reals in pairs (PacGAN, Lin et al. 2018, Q on its own trunk) 9, 9,
 * 7, 6, 7, 6, 6, 8, 5, 8, 7, 7, 7, 7, 8, 7 (mean 7.1). In Nash, the recipe at seeds 7–10: 8, 7, 7, 8. In the page InfoGAN trains at
 * ~9 iterations/s (`npm run bench -- classtime --presets infoganMnist`): 2,000 in about 4 minutes.
 */
export const INFOGAN_MNIST: Partial<RunConfig> = {
  architecture: 'dcgan',
  categories: 10,
  continuousCodes: 2,
  infoLambda: 1,
  infoNoiseScale: 0.15,
  ...DCGAN_MNIST,
};

/** InfoGAN leaving MNIST for a 2D set: back to an MLP (DCGAN draws only images) at the 2D sizes, σ = 1. */
export const INFOGAN_2D: Partial<RunConfig> = { architecture: 'mlp', ...TWO_D_MLP, infoNoiseScale: 1 };

type Axes = Pick<RunConfig, 'dataset' | 'architecture' | 'conditioning'>;

/**
 * The settings that come with a change of dataset or conditioning, for an MLP: MNIST's recipe for
 * the new conditioning when the run is (now) on MNIST, the 2D sizes when it leaves MNIST, nothing
 * otherwise (a width chosen on the ring survives a switch to the grid). DCGAN's variant carries its
 * own settings. `before` is undefined where there is no earlier run (the CLI).
 */
export function dataRecipe(before: Axes | undefined, after: Axes): Partial<RunConfig> {
  if (after.architecture !== 'mlp') return {};
  const wasMnistMlp = before?.dataset === 'mnist' && before.architecture === 'mlp';
  if (after.dataset === 'mnist')
    return wasMnistMlp && before.conditioning === after.conditioning ? {} : MNIST_MLP_RECIPES[after.conditioning];
  return before?.dataset === 'mnist' ? TWO_D_MLP : {};
}
