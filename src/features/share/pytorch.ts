/**
 * "Export as Python": one runnable PyTorch script for a run configuration, so a class can take an
 * experiment from the playground to a GPU. Pure: configuration in, text out. The script mirrors
 * src/gan piece by piece (pytorchParts.ts); where PyTorch differs from Nash the script says so.
 */
import { FIELD_NAMES, type RunConfig } from '../../gan/config.ts';
import { DATASET_MODULES } from '../../gan/data/modules.ts';
import { OBJECTIVE_MODULES } from '../../gan/objectives/modules.ts';
import {
  conditionedLoop,
  conditioningModules,
  conditionSize,
  labelAtDiscriminatorInput,
  labelClassifier,
} from './pytorchConditioning.ts';
import { dcgan, mlp } from './pytorchParts.ts';

/** Why a configuration cannot be exported: the page shows its own sentence for each. */
export type ExportRefusal = 'drawnData';

export type PyTorchExport = { ok: true; script: string; filename: string } | { ok: false; refusal: ExportRefusal };

/** Iterations the script trains when not told: the ring presets' judging point (src/gan/presets.ts). */
const DEFAULT_STEPS = 2000;

/** Each optimiser over a parameter list (`generator.parameters()`, or D's with its conditioning's: CGAN's V, InfoGAN's Q). */
const OPTIMIZERS: Record<RunConfig['generatorOptimizer'], (parameters: string, rate: string) => string> = {
  // Nash's Adam puts ε outside the bias correction (Keras's ε̂); PyTorch's inside: the same unless v is tiny.
  adam: (parameters, rate) =>
    `torch.optim.Adam(${parameters}, lr=CONFIG['${rate}'], betas=(CONFIG['beta1'], CONFIG['beta2']), eps=1e-7)`,
  rmsprop: (parameters, rate) =>
    `torch.optim.RMSprop(${parameters}, lr=CONFIG['${rate}'], alpha=CONFIG['rmspropDecay'], eps=1e-7)`,
  sgd: (parameters, rate) => `torch.optim.SGD(${parameters}, lr=CONFIG['${rate}'], momentum=CONFIG['momentum'])`,
};

/** The configuration as a Python dict literal, one field a line in schema order. */
function configLiteral(config: RunConfig): string {
  return `{\n${FIELD_NAMES.map((name) => `    ${JSON.stringify(name)}: ${JSON.stringify(config[name])},`).join('\n')}\n}`;
}

/** The unconditioned loop: k_D critic steps on a real and a fake batch, then k_G generator steps. */
function unconditionedLoop(config: RunConfig, dimension: number): string {
  const { criticPenalty: penalty, afterCriticStep: clip } = OBJECTIVE_MODULES[config.objective].losses;
  return `for iteration in range(1, args.steps + 1):
    for _ in range(CONFIG['discriminatorSteps']):
        real = sample_real(BATCH).to(DEVICE)                          # [n, ${dimension}]
        fake = generator(sample_noise(BATCH)).detach()                # [n, ${dimension}]: D's step moves D only
        d_real, d_fake = discriminator(real), discriminator(fake)     # [n, 1] each
        d_loss = discriminator_loss(d_real, d_fake)${penalty ? ' + critic_penalty(real, fake)' : ''}
        discriminator_optimizer.zero_grad()
        d_loss.backward()
        discriminator_optimizer.step()${clip ? '\n        after_critic_step()' : ''}
    for _ in range(CONFIG['generatorSteps']):
        g_loss = generator_loss(discriminator(generator(sample_noise(BATCH))))
        generator_optimizer.zero_grad()
        g_loss.backward()
        generator_optimizer.step()
    if LEAD and (iteration % log_every == 0 or iteration == args.steps):
        print(json.dumps({'iteration': iteration, 'dLoss': finite(d_loss.item()), 'gLoss': finite(g_loss.item())}), flush=True)
    if LEAD and args.save_every and iteration % args.save_every == 0 and iteration < args.steps:
        write_weights(iteration)
`;
}

/** The networks the weights file holds, by the name its tensors start with (pytorchWeights.ts reads them). */
function networks(config: RunConfig): string[] {
  const head = labelClassifier(config) ? ['classifier'] : config.conditioning === 'infoCodes' ? ['q_head'] : [];
  return ['generator', 'discriminator', ...head];
}

/**
 * The weights file's check batch: CHECK_COUNT fixed inputs to G (noise, and the grid's labels or
 * codes, with InfoGAN's continuous codes drawn) and, when the file is written, what the networks make
 * of them in inference mode: G's samples, D's scores of those samples, and InfoGAN's Q outputs.
 */
function checkBatch(config: RunConfig): string {
  const noise =
    config.noise === 'gaussian'
      ? 'torch.randn(CHECK_COUNT, LATENT_SIZE, generator=check_stream)'
      : '2 * torch.rand(CHECK_COUNT, LATENT_SIZE, generator=check_stream) - 1';
  const head = `CHECK_COUNT = 16
check_stream = torch.Generator().manual_seed(args.seed + 2)
check_noise = ${noise}                 # [16, latentSize]
`;
  if (config.conditioning === 'none')
    return `${head}CHECK = {'noise': encode(check_noise)}
CHECK_INPUT = check_noise.to(DEVICE)


def check_outputs(samples):
    return {'samples': encode(samples), 'scores': encode(NETWORKS['discriminator'](samples))}
`;
  const condition =
    config.conditioning === 'label'
      ? `check_labels = torch.arange(CHECK_COUNT) % K                             # the grid's labels
CHECK = {'noise': encode(check_noise), 'labels': check_labels.tolist()}
CHECK_CONDITION = sample_condition(CHECK_COUNT, check_labels)`
      : `check_labels = torch.arange(CHECK_COUNT) % K                             # the grid's code values
check_continuous = 2 * torch.rand(CHECK_COUNT, C_CONT, generator=check_stream) - 1     # [16, C]
CHECK = {'noise': encode(check_noise), 'labels': check_labels.tolist(), 'continuous': encode(check_continuous)}
CHECK_CONDITION = F.one_hot(check_labels, K).float().to(DEVICE), check_continuous.to(DEVICE)`;
  return `${head}${condition}
CHECK_INPUT = generator_input(check_noise.to(DEVICE), CHECK_CONDITION)


def check_outputs(samples):
    features, scores = NETWORKS['discriminator'](samples, CHECK_CONDITION)
    return {'samples': encode(samples), 'scores': encode(scores)${config.conditioning === 'infoCodes' ? ", 'codes': encode(NETWORKS['q_head'](features))" : ''}${labelClassifier(config) ? ", 'classes': encode(NETWORKS['classifier'](features))" : ''}}
`;
}

/** CGAN on data with known modes: how often a grid sample lands on its own label's mode. */
const LABEL_ACCURACY = `if MODES is not None:
    # CGAN: the share of grid samples (label i mod K) whose nearest mode is their own label.
    summary['labelAccuracy'] = float((torch.cdist(samples, MODES).argmin(1) == torch.arange(2500) % K).float().mean())
`;

export function exportPyTorch(config: RunConfig): PyTorchExport {
  // Drawn points are not in the configuration: the script has no sampler for them.
  const { pytorch: sampler, kind } = DATASET_MODULES[config.dataset];
  if (sampler === undefined) return { ok: false, refusal: 'drawnData' };
  const conditioned = config.conditioning !== 'none';
  const labelled = config.conditioning === 'label';
  const image = kind === 'images';
  const dimension = image ? 784 : 2;
  const objective = config.objective;
  // An objective that clips its critic's weights (after_critic_step) reports the largest one.
  const clip = OBJECTIVE_MODULES[objective].losses.afterCriticStep !== undefined;
  const noise =
    config.noise === 'gaussian'
      ? 'torch.randn(n, LATENT_SIZE, device=DEVICE)'
      : '(2 * torch.rand(n, LATENT_SIZE, device=DEVICE) - 1)';
  const name = `nash_${objective}_${config.architecture}${conditioned ? `_${config.conditioning}` : ''}_${config.dataset}`;
  const fixedSamples = conditioned
    ? 'generator(generator_input(fixed.to(DEVICE), grid_condition(2500))).cpu()'
    : 'generator(fixed.to(DEVICE)).cpu()';
  const script = `#!/usr/bin/env python3
"""Nash GAN export: ${objective} objective, ${config.architecture} networks${conditioned ? `, ${labelled ? 'CGAN label' : 'InfoGAN codes'} conditioning` : ''}, ${config.dataset} data, seed ${config.seed}.

Written by Nash's "Export as Python" from a playground run configuration (CONFIG below); it builds
the same architecture, objective, optimisers and hyperparameters in PyTorch. The seed seeds PyTorch,
whose random numbers differ from Nash's: this is the same experiment, not the same numbers.

    python3 ${name}.py --steps 2000${image ? ' --mnist path/to/mnist.bin' : ''} [--device cuda] [--weights trained.weights.json]
    torchrun --nproc_per_node 2 ${name}.py --steps 2000${image ? ' --mnist path/to/mnist.bin' : ''}    # data-parallel: GPUs (NCCL) or CPUs (gloo)

Prints one JSON line every --log-every iterations and a summary line at the end${image ? '' : ' (with mode\ncoverage where the data has known modes)'}.
At the end (and every --save-every iterations) it writes the trained weights as JSON beside this script
(${name}.weights.json, or --weights): Nash's "Import PyTorch weights" loads them into a run with these settings.
"""
import argparse
import base64
import copy
import hashlib
import json
import math
import os
import struct
import sys
import time
from array import array

import torch
import torch.distributed as dist
from torch import nn
import torch.nn.functional as F
from torch.nn.parallel import DistributedDataParallel

CONFIG = ${configLiteral(config)}

parser = argparse.ArgumentParser(description=__doc__.split('\\n')[0])
parser.add_argument('--steps', type=int, default=${DEFAULT_STEPS}, help='training iterations (each: k_D critic steps, then k_G generator steps)')
parser.add_argument('--log-every', type=int, default=0, help='iterations between JSON progress lines (default: steps / 10)')
parser.add_argument('--device', default='cuda' if torch.cuda.is_available() else 'cpu')
parser.add_argument('--seed', type=int, default=CONFIG['seed'])
parser.add_argument('--weights', default=os.path.splitext(os.path.abspath(__file__))[0] + '.weights.json', help="the weights file that Nash's 'Import PyTorch weights' loads (default: beside this script)")
parser.add_argument('--save-every', type=int, default=0, help='also write the weights file every this many iterations (default: at the end only)')
parser.add_argument('--ema', type=float, default=0, help="keep an exponential moving average of G's weights (this decay a step, e.g. 0.999) and write and judge it as G (default 0: off)")
${image ? "parser.add_argument('--mnist', default='mnist.bin', help=\"Nash's MNIST binary (public/data/mnist.bin)\")\n" : ''}args = parser.parse_args()

# ─── Past one machine: torchrun sets WORLD_SIZE and RANK and starts one process per GPU (or CPU slot).
# Each process trains a replica on its share of every batch; DistributedDataParallel averages their
# gradients, so every replica takes the same steps. Plain python3 runs one process and skips all this.
DISTRIBUTED = 'WORLD_SIZE' in os.environ and 'RANK' in os.environ
RANK = int(os.environ['RANK']) if DISTRIBUTED else 0
WORLD = int(os.environ['WORLD_SIZE']) if DISTRIBUTED else 1
LEAD = RANK == 0                                     # the process that prints and writes the weights
if DISTRIBUTED:
    dist.init_process_group('nccl' if args.device.startswith('cuda') else 'gloo')
    if args.device.startswith('cuda'):
        args.device = f'cuda:{int(os.environ.get("LOCAL_RANK", 0))}'
        torch.cuda.set_device(args.device)
DEVICE = torch.device(args.device)
torch.manual_seed(args.seed)
LATENT_SIZE = CONFIG['latentSize']
# The batch is shared out among the processes: the same experiment (batch size, learning rates), more machines.
BATCH = max(1, CONFIG['batchSize'] // WORLD)

# ─── Data ──────────────────────────────────────────────────────────────────────────────────────
${sampler}
${image ? 'DIGITS, DIGIT_LABELS = load_mnist(args.mnist)\n' : ''}

def sample_noise(n):
    # src/gan/latent.ts: ${config.noise === 'gaussian' ? 'N(0, 1)' : 'U(-1, 1)'} noise, [n, latentSize].
    return ${noise}


# ─── Networks ──────────────────────────────────────────────────────────────────────────────────
G_INPUT = LATENT_SIZE + ${conditionSize(config)}  # noise${conditioned ? ' + the condition' : ''}
${config.architecture === 'mlp' ? mlp(config, dimension, image, labelAtDiscriminatorInput(config) ? `${dimension} + CLASSES` : String(dimension)) : dcgan(config)}${conditioned ? conditioningModules(config) : ''}generator.to(DEVICE)
discriminator.to(DEVICE)
NETWORKS = {${networks(config)
    .map((network) => `'${network}': ${network}`)
    .join(', ')}}
# --ema: G's weights averaged over the steps (Yazıcı et al. 2019), the usual trick for sample quality:
# the average of a G that jitters around a good one draws cleaner samples than its last step.
# Batch norm's running statistics are copied from G, not averaged. Training never reads the average.
AVERAGE = copy.deepcopy(generator).requires_grad_(False) if args.ema else None


def update_average():
    with torch.no_grad():
        for average, current in zip(AVERAGE.parameters(), NETWORKS['generator'].parameters()):
            average.lerp_(current, 1 - args.ema)
        for average, current in zip(AVERAGE.buffers(), NETWORKS['generator'].buffers()):
            average.copy_(current)


def written_networks():
    """The networks the weights file holds: G's average in G's place under --ema."""
    return NETWORKS if AVERAGE is None else {**NETWORKS, 'generator': AVERAGE}


# ─── The weights file: JSON, no pickle, nothing executable ─────────────────────────────────────
def float32_bytes(tensor):
    """A tensor's values as float32, little-endian (how Nash's Float32Array reads them)."""
    values = array('f', tensor.detach().to('cpu', torch.float32).flatten().tolist())
    if sys.byteorder == 'big':
        values.byteswap()
    return values.tobytes()


def encode(tensor):
    return base64.b64encode(float32_bytes(tensor)).decode('ascii')


${checkBatch(config)}

def write_weights(iteration):
    """The networks for Nash's "Import PyTorch weights" (src/features/share/pytorchWeights.ts): the
    configuration, the iteration, and each network's state_dict under torch's own names and layouts
    (nn.Linear's weight is [out, in], a convolution's [out, in, kH, kW]; Nash converts each to its own).
    The check batch holds what the networks make of CHECK_INPUT in inference mode (check_outputs), so a
    loader can confirm that it computes what PyTorch computed. Under --ema G is G's average."""
    networks = written_networks()
    tensors = [
        {'name': f'{network}.{key}', 'shape': list(value.shape), 'data': encode(value)}
        for network, module in networks.items()
        for key, value in module.state_dict().items()
        if value.is_floating_point()                 # batch norm's num_batches_tracked counts steps: not a weight
    ]
    training = {module: module.training for module in networks.values()}
    for module in networks.values():
        module.eval()
    with torch.no_grad():
        check = {**CHECK, **check_outputs(networks['generator'](CHECK_INPUT))}
    for module, mode in training.items():
        module.train(mode)
    weights = {'kind': 'nash-pytorch-weights', 'version': 1, 'config': {**CONFIG, 'seed': args.seed}, 'iteration': iteration,
               'tensors': tensors, 'check': check}
    partial = args.weights + '.partial'
    with open(partial, 'w') as f:
        json.dump(weights, f)
    os.replace(partial, args.weights)                # a reader never sees half a file


if DISTRIBUTED:
    # Every replica starts from rank 0's weights (DistributedDataParallel broadcasts them) and draws its own
    # batches. Batch norm's running statistics stay each replica's own (rank 0's are saved): broadcasting them
    # before each of D's two forward passes (real, fake) would overwrite what the first pass's gradient needs.
    replica = {'broadcast_buffers': False, **({'device_ids': [DEVICE.index]} if DEVICE.type == 'cuda' else {})}
${networks(config)
  .map((network) => `    ${network} = DistributedDataParallel(${network}, **replica)`)
  .join('\n')}
    torch.manual_seed(int.from_bytes(hashlib.sha256(f'{args.seed}/{RANK}'.encode()).digest()[:8], 'little'))

# ─── Objective ─────────────────────────────────────────────────────────────────────────────────
${OBJECTIVE_MODULES[objective].pytorch}

# ─── Optimisers: each moves its own network's parameters only ──────────────────────────────────
generator_optimizer = ${OPTIMIZERS[config.generatorOptimizer]('generator.parameters()', 'generatorLearningRate')}
discriminator_optimizer = ${OPTIMIZERS[config.discriminatorOptimizer](conditioned ? 'discriminator_parameters' : 'discriminator.parameters()', 'discriminatorLearningRate')}
if AVERAGE is not None:
    # --ema: each step of G's optimiser also moves G's average (torch 1.13, Debian's, has no step hooks).
    generator_step = generator_optimizer.step

    def step_and_average(*step_args, **step_kwargs):
        loss = generator_step(*step_args, **step_kwargs)
        update_average()
        return loss

    generator_optimizer.step = step_and_average


def finite(x):
    """JSON has no NaN or infinity: a diverged value is printed as null."""
    return x if math.isfinite(x) else None


def mode_metrics(points):
    """src/gan/metrics/modes.ts: a sample is high quality within 3 sigma of its nearest mode; a mode is
    covered with at least one of them (VEEGAN), well covered with at least 5 and 20% of its fair share
    (1/K) of the high-quality ones."""
    if MODES is None:
        return None
    distances = torch.cdist(points, MODES)                   # [n, K]
    nearest, index = distances.min(1)
    good = nearest <= 3 * MODE_SIGMA
    histogram = torch.bincount(index[good], minlength=len(MODES))
    threshold = max(5, 0.2 * int(good.sum()) / len(MODES))
    covered = int((histogram > 0).sum())
    well_covered = int((histogram >= threshold).sum())
    return {'modesCovered': covered, 'wellCovered': well_covered, 'modesTotal': len(MODES), 'highQuality': float(good.float().mean()), 'histogram': histogram.tolist()}


# ─── Training: one iteration = k_D discriminator (critic) steps, then k_G generator steps ──────
log_every = args.log_every or max(1, args.steps // 10)
started = time.time()
d_loss = g_loss = torch.tensor(float('nan'))
${conditioned ? conditionedLoop(config, dimension) : unconditionedLoop(config, dimension)}
# ─── Evaluation on fixed noise, in inference mode (batch norm uses its running statistics) ────
${networks(config).join(', ')} = ${networks(config)
    .map((network) => `NETWORKS['${network}']`)
    .join(', ')}                   # the networks themselves, not their replicas' wrappers
generator = written_networks()['generator']                          # under --ema, G's average
generator.eval()
evaluation = torch.Generator().manual_seed(args.seed + 1)
with torch.no_grad():
    fixed = torch.randn(2500, LATENT_SIZE, generator=evaluation) if CONFIG['noise'] == 'gaussian' else 2 * torch.rand(2500, LATENT_SIZE, generator=evaluation) - 1
    samples = ${fixedSamples}
summary = {'done': True, 'iterations': args.steps, 'seconds': round(time.time() - started, 2), 'finiteSamples': bool(torch.isfinite(samples).all())}
summary['modes'] = mode_metrics(samples)
${labelled ? LABEL_ACCURACY : ''}${conditioned && !labelled ? "summary['mutualInformation'] = finite(mutual_information)\n" : ''}${clip ? "summary['maxCriticWeight'] = max(float(p.abs().max()) for p in discriminator.parameters())\n" : ''}if LEAD:
    write_weights(args.steps)
    summary['weights'] = args.weights
    print(json.dumps(summary), flush=True)
if DISTRIBUTED:
    # Each replica's parameters, hashed: one hash for all ranks means one model.
    digest = hashlib.sha256()
    for module in NETWORKS.values():
        for parameter in module.parameters():
            digest.update(float32_bytes(parameter))
    print(json.dumps({'rank': RANK, 'parameterSha256': digest.hexdigest()}), flush=True)
    dist.destroy_process_group()
`;
  return { ok: true, script, filename: `${name}.py` };
}
