/** The exported PyTorch script runs and trains, with Debian's python3-torch (pytorch-run.ts runs it). */
import { existsSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { defaultConfig, OBJECTIVES, type RunConfig } from '../../src/gan/config.ts';
import { CLASSIFIER_WEIGHTS } from '../../src/gan/conditioning/label-input.ts';
import { recipeFor } from '../../src/gan/recipes.ts';
import { exportPyTorch } from '../../src/features/share/pytorch.ts';
import { presetConfig } from '../../src/features/share/urlState.ts';
import { MNIST_BINARY, PYTHON, runJson, script, torchMissing, writeScript } from './pytorch-run.ts';
import { CONTINUOUS_CODE_WEIGHT } from '../../src/gan/architectures/constants.ts';

interface Progress {
  iteration: number;
  dLoss: number | null;
  gLoss: number | null;
  mutualInformation?: number | null;
}
interface Summary {
  done: true;
  iterations: number;
  finiteSamples: boolean;
  modes: { modesCovered: number; modesTotal: number; highQuality: number } | null;
  maxCriticWeight?: number;
  labelAccuracy?: number;
  mutualInformation?: number | null;
  weights?: string;
}

/** Runs an exported script: its progress lines and its summary (the last line). */
function run(config: RunConfig, args: string[]): { progress: Progress[]; summary: Summary } {
  const lines = runJson(PYTHON, [writeScript(config), ...args]) as (Progress | Summary)[];
  const summary = lines.at(-1) as Summary;
  expect(summary.done).toBe(true);
  return { progress: lines.slice(0, -1) as Progress[], summary };
}

const allFinite = (progress: Progress[]) =>
  progress.length > 0 && progress.every((p) => Number.isFinite(p.dLoss) && Number.isFinite(p.gLoss));

describe('the script as text', () => {
  test('carries the configuration, and refuses drawn data (its points are not in the configuration)', () => {
    const config = { ...defaultConfig(), seed: 4242, generatorLearningRate: 0.0003, discriminatorSteps: 3 };
    const { script: text, filename } = script(config);
    expect(filename).toBe('nash_nonSaturating_mlp_ring.py');
    expect(text).toContain('"seed": 4242,');
    expect(text).toContain('"generatorLearningRate": 0.0003,');
    expect(text).toContain("range(CONFIG['discriminatorSteps'])");
    expect(text).toContain('torch.optim.Adam(generator.parameters()');
    expect(exportPyTorch({ ...config, dataset: 'custom' })).toEqual({ ok: false, refusal: 'drawnData' });
  });

  test('each objective brings its own losses and extras', () => {
    const text = (objective: RunConfig['objective']) => script({ ...defaultConfig(), ...recipeFor(objective) }).script;
    expect(text('minimax')).toContain('return -F.softplus(fake).mean()');
    expect(text('nonSaturating')).toContain('return F.softplus(-fake).mean()');
    expect(text('lsgan')).toContain("A, B, C_LABEL = CONFIG['lsganA'], CONFIG['lsganB'], CONFIG['lsganC']");
    expect(text('wgan')).toMatch(/discriminator_optimizer\.step\(\)\n\s+after_critic_step\(\)/);
    expect(text('wgan')).toContain('torch.optim.RMSprop(discriminator.parameters()');
    expect(text('wganGp')).toContain('d_loss = discriminator_loss(d_real, d_fake) + critic_penalty(real, fake)');
    expect(text('nonSaturating')).not.toContain('critic_penalty');
    expect(text('hinge')).toContain('return F.relu(1 - real).mean() + F.relu(1 + fake).mean()');
  });

  test('CGAN: one-hot label into G; D with the label at its input (MLP only), a projection and a class head; fakes carry the real labels', () => {
    const mlpText = script({ ...defaultConfig(), conditioning: 'label' }).script;
    expect(script({ ...defaultConfig(), conditioning: 'label' }).filename).toBe('nash_nonSaturating_mlp_label_ring.py');
    expect(mlpText).toContain('G_INPUT = LATENT_SIZE + CLASSES');
    expect(mlpText).toContain('nn.Linear(2 + CLASSES, 64)'); // D's first layer reads x + onehot(y)
    expect(mlpText).toContain('features = self.trunk(torch.cat([x, condition], 1))');
    expect(mlpText).toContain('agreement = ((condition @ self.embedding) * features).sum(1, keepdim=True)');
    expect(mlpText).toContain('real, labels = sample_real_labelled(BATCH)');
    expect(mlpText).toContain('condition = sample_condition(BATCH, labels)');
    expect(mlpText).toContain('discriminator_optimizer = torch.optim.Adam(discriminator_parameters,');
    expect(mlpText).not.toContain('q_head');
    expect(mlpText).not.toContain('classifier'); // no class head on 2D data (label-input.ts classifierHead)
    // Flattened digits: the projection alone, as Nash's label.ts (labelAtInput).
    const mnistMlp = script({ ...defaultConfig(), dataset: 'mnist', conditioning: 'label' }).script;
    expect(mnistMlp).toContain('nn.Linear(784, 64)');
    expect(mnistMlp).toContain('features = self.trunk(x)');
    // AC-GAN's class head on φ (images), trained with D: λ_D·CE on the real batch in D's loss, λ_G·CE on the fakes in G's.
    expect(mnistMlp).toContain('classifier = nn.Linear(64, K)');
    expect(mnistMlp).toContain(`CLASSIFIER_WEIGHT_D = ${CLASSIFIER_WEIGHTS.discriminator} `);
    expect(mnistMlp).toContain(`CLASSIFIER_WEIGHT_G = ${CLASSIFIER_WEIGHTS.generator} `);
    expect(mnistMlp).toContain(
      'discriminator_parameters = list(discriminator.parameters()) + list(classifier.parameters())',
    );
    expect(mnistMlp).toContain('d_loss = d_loss + classification(real_features, condition, CLASSIFIER_WEIGHT_D)');
    expect(mnistMlp).toContain('g_loss = g_loss + classification(fake_features, condition, CLASSIFIER_WEIGHT_G)');
    expect(mnistMlp).toContain(
      "NETWORKS = {'generator': generator, 'discriminator': discriminator, 'classifier': classifier}",
    );
    const dcganText = script({
      ...defaultConfig(),
      dataset: 'mnist',
      architecture: 'dcgan',
      conditioning: 'label',
      objective: 'wganGp',
    }).script;
    expect(dcganText).toContain('features = self.trunk(x)');
    expect(dcganText).toContain('self.embedding = nn.Parameter(0.02 * torch.randn(K, 4 * 4 * 4 * C))');
    expect(dcganText).toContain('classifier = nn.Linear(4 * 4 * 4 * C, K)');
    expect(dcganText).toContain('critic_penalty(real, fake, lambda x: discriminator(x, condition)[1])');
    expect(dcganText).toContain('DIGITS, DIGIT_LABELS = load_mnist(args.mnist)');
  });

  test("InfoGAN: codes into G, Q on D's trunk trained with D, λ·L_I in both updates, Q never clipped", () => {
    const text = script({
      ...defaultConfig(),
      ...recipeFor('wgan'),
      conditioning: 'infoCodes',
      categories: 6,
      continuousCodes: 2,
    }).script;
    expect(text).toContain('G_INPUT = LATENT_SIZE + 6 + 2');
    expect(text).toContain('q_head = nn.Sequential(nn.Linear(64, 128), nn.LeakyReLU(0.2), nn.Linear(128, K + C_CONT))');
    expect(text).toContain('discriminator_parameters = list(discriminator.parameters()) + list(q_head.parameters())');
    expect(text).toContain('d_loss, mutual_information = d_loss + info[0], info[1]');
    expect(text).toContain('g_loss, mutual_information = g_loss + info[0], info[1]');
    // The continuous codes' term weighs CONTINUOUS_CODE_WEIGHT, as info-codes.ts's.
    expect(text).toContain(`W_CONT = ${CONTINUOUS_CODE_WEIGHT}  #`);
    expect(text).toContain('squared_error = 0.5 * W_CONT * ((condition[1] - means) ** 2).sum(1).mean()');
    expect(text).toContain('real, labels = sample_real(BATCH), None'); // D's fakes get fresh codes, not labels
    // after_critic_step clips discriminator.parameters(): D's trunk and score, not Q.
    expect(text).toMatch(/for p in discriminator\.parameters\(\):\n\s+p\.clamp_/);
  });
});

describe('the script’s weights file and torchrun', () => {
  test('it writes JSON for Nash (no pickle), and wraps every network in DistributedDataParallel only under torchrun', () => {
    const text = script(defaultConfig()).script;
    expect(text).not.toContain('torch.save');
    expect(text).toContain("weights = {'kind': 'nash-pytorch-weights', 'version': 1,");
    expect(text).toContain("NETWORKS = {'generator': generator, 'discriminator': discriminator}");
    expect(text).toContain("DISTRIBUTED = 'WORLD_SIZE' in os.environ and 'RANK' in os.environ");
    expect(text).toContain("dist.init_process_group('nccl' if args.device.startswith('cuda') else 'gloo')");
    expect(text).toContain('    generator = DistributedDataParallel(generator, **replica)');
    const info = script({ ...defaultConfig(), conditioning: 'infoCodes' }).script;
    expect(info).toContain("'q_head': q_head}");
    expect(info).toContain('    q_head = DistributedDataParallel(q_head, **replica)');
  });
});

describe.skipIf(torchMissing)('the script runs in PyTorch', () => {
  test('the ring default trains: finite losses and the modes covered after its 2,000 iterations', () => {
    const { progress, summary } = run(presetConfig('ringDefault'), ['--steps', '2000']);
    expect(progress).toHaveLength(10);
    expect(allFinite(progress)).toBe(true);
    expect(summary.finiteSamples).toBe(true);
    // Nash's own run covers 8 of 8 by 1,500 (presets.ts); PyTorch draws other numbers, so allow two strays.
    expect(summary.modes?.modesTotal).toBe(8);
    expect(summary.modes?.modesCovered).toBeGreaterThanOrEqual(6);
    // Which BLAS torch loads, and which kernels it and torch pick for the CPU, change its arithmetic
    // and so the run: pinned to AVX2's (pytorch-run.ts), it reads 7 modes and 0.24 with Debian's
    // OpenBLAS; unpinned, over 5 OpenBLAS kernel sets × seeds 1–10, 5–8 modes and 0.18–0.67. A G that
    // has not learned the ring holds 0.002 (100 steps).
    expect(summary.modes?.highQuality).toBeGreaterThan(0.15);
    // Its weights file, beside the script (pytorch-roundtrip.test.ts imports such files).
    expect(summary.weights && existsSync(summary.weights)).toBe(true);
  });

  test.each(OBJECTIVES)('%s on the ring runs with finite losses', (objective) => {
    const { progress, summary } = run({ ...defaultConfig(), ...recipeFor(objective), batchSize: 64 }, [
      '--steps',
      '40',
      '--log-every',
      '10',
    ]);
    expect(progress.map((p) => p.iteration)).toEqual([10, 20, 30, 40]);
    expect(allFinite(progress)).toBe(true);
    expect(summary.finiteSamples).toBe(true);
    if (objective === 'wgan') expect(summary.maxCriticWeight).toBeLessThanOrEqual(defaultConfig().clipValue + 1e-7);
  });

  test.each([
    ['dcgan', 'nonSaturating'],
    ['dcgan', 'wganGp'],
    ['mlp', 'lsgan'],
  ] as const)('%s on MNIST (%s) reads the binary and steps', (architecture, objective) => {
    const config: RunConfig = {
      ...defaultConfig(),
      ...recipeFor(objective),
      dataset: 'mnist',
      architecture,
      latentSize: 32,
      batchSize: 16,
      channels: 8,
    };
    const { progress, summary } = run(config, ['--steps', '3', '--log-every', '1', '--mnist', MNIST_BINARY]);
    expect(progress).toHaveLength(3);
    expect(allFinite(progress)).toBe(true);
    expect(summary.finiteSamples).toBe(true);
    expect(summary.modes).toBeNull();
  });

  test('the checkerboard runs and is judged by its 8 cells', () => {
    const { progress, summary } = run({ ...defaultConfig(), dataset: 'checkerboard', batchSize: 64 }, [
      '--steps',
      '40',
      '--log-every',
      '20',
    ]);
    expect(allFinite(progress)).toBe(true);
    expect(summary.modes?.modesTotal).toBe(8);
  });

  test("CGAN on the ring: 200 iterations with finite losses, and grid samples land on their own label's mode", () => {
    const { progress, summary } = run({ ...defaultConfig(), conditioning: 'label', batchSize: 64 }, ['--steps', '200']);
    expect(progress).toHaveLength(10);
    expect(allFinite(progress)).toBe(true);
    expect(summary.finiteSamples).toBe(true);
    // Chance is 1/8; measured 1.0 with torch 1.13 at seed 1 (PyTorch's numbers, not Nash's).
    expect(summary.labelAccuracy).toBeGreaterThan(0.5);
  });

  test('InfoGAN on the ring: 200 iterations with finite losses and a mutual-information bound below ln K', () => {
    const { progress, summary } = run(
      { ...defaultConfig(), conditioning: 'infoCodes', categories: 8, continuousCodes: 1, batchSize: 64 },
      ['--steps', '200'],
    );
    expect(allFinite(progress)).toBe(true);
    expect(progress.every((p) => Number.isFinite(p.mutualInformation))).toBe(true);
    expect(summary.mutualInformation).toBeLessThanOrEqual(Math.log(8) + 1e-6);
    expect(summary.mutualInformation).toBeGreaterThan(0.5); // Q recovers the code better than chance (0)
  });

  test.each([
    ['dcgan', 'label', 'wganGp'],
    ['mlp', 'infoCodes', 'wgan'],
    ['dcgan', 'infoCodes', 'nonSaturating'],
  ] as const)('%s %s on MNIST (%s) reads digits and labels and steps', (architecture, conditioning, objective) => {
    const config: RunConfig = {
      ...defaultConfig(),
      ...recipeFor(objective),
      dataset: 'mnist',
      architecture,
      conditioning,
      continuousCodes: 1,
      latentSize: 16,
      batchSize: 16,
      channels: 8,
    };
    const { progress, summary } = run(config, ['--steps', '3', '--log-every', '1', '--mnist', MNIST_BINARY]);
    expect(progress).toHaveLength(3);
    expect(allFinite(progress)).toBe(true);
    expect(summary.finiteSamples).toBe(true);
    if (objective === 'wgan') expect(summary.maxCriticWeight).toBeLessThanOrEqual(defaultConfig().clipValue + 1e-7);
  });
});
