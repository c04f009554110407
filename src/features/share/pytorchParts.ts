/**
 * The pieces of the exported PyTorch script, one per axis value, each the Python twin of a file in
 * src/gan (named in its comment) so that a reader can check one against the other. Text only. An
 * objective's Python is in its own module (src/gan/objectives/<id>.ts, `pytorch`).
 */
import { criticBatchNorm, type DatasetId, type RunConfig } from '../../gan/config.ts';

/** A mixture's sampler: the label of a sample is its mode's index (toy2d.ts gaussianMixture). */
const MIXTURE_SAMPLER = `CLASSES = len(MODES)  # the label is the mode index


def sample_real_labelled(n):
    k = torch.randint(len(MODES), (n,))
    return MODES[k] + MODE_SIGMA * torch.randn(n, 2), k


def sample_real(n):
    return sample_real_labelled(n)[0]
`;

/** Python for `sample_real(n)` (and `sample_real_labelled(n)` where samples carry a label): the dataset's definition from src/gan/data/toy2d.ts (and its modes, where known). */
export const DATASETS: Record<Exclude<DatasetId, 'custom' | 'mnist'>, string> = {
  ring: `# src/gan/data/toy2d.ts ring(): 8 Gaussians on a circle of radius 2, sigma 0.02; mode k at angle 2*pi*k/8.
MODE_SIGMA = 0.02
MODES = torch.tensor([[2 * math.cos(2 * math.pi * k / 8), 2 * math.sin(2 * math.pi * k / 8)] for k in range(8)])
${MIXTURE_SAMPLER}`,
  grid: `# src/gan/data/toy2d.ts grid(): 25 Gaussians with centres on {-4, -2, 0, 2, 4}^2, sigma 0.05.
MODE_SIGMA = 0.05
MODES = torch.tensor([[x, y] for x in (-4.0, -2.0, 0.0, 2.0, 4.0) for y in (-4.0, -2.0, 0.0, 2.0, 4.0)])
${MIXTURE_SAMPLER}`,
  gaussian: `# src/gan/data/toy2d.ts gaussian(): one Gaussian at the origin, sigma 0.5.
MODE_SIGMA = 0.5
MODES = torch.zeros(1, 2)
${MIXTURE_SAMPLER}`,
  spiral: `# src/gan/data/toy2d.ts spiral(): the swiss roll of gan_toy.py, t in [1.5 pi, 4.5 pi], noise 0.25, scaled by 1/7.5.
MODES = None


def sample_real(n):
    t = 1.5 * math.pi * (1 + 2 * torch.rand(n))
    x = (t * torch.cos(t) + 0.25 * torch.randn(n)) / 7.5
    y = (t * torch.sin(t) + 0.25 * torch.randn(n)) / 7.5
    return torch.stack([x, y], 1)
`,
  moons: `# src/gan/data/toy2d.ts moons(): two interleaving half circles (make_moons, noise 0.05), centred.
MODES = None


CLASSES = 2  # the label is the moon


def sample_real_labelled(n):
    label = torch.randint(2, (n,))
    moon = label.float()
    t = math.pi * torch.rand(n)
    px = torch.where(moon == 0, torch.cos(t), 1 - torch.cos(t))
    py = torch.where(moon == 0, torch.sin(t), 0.5 - torch.sin(t))
    return torch.stack([px - 0.5 + 0.05 * torch.randn(n), py - 0.25 + 0.05 * torch.randn(n)], 1), label


def sample_real(n):
    return sample_real_labelled(n)[0]
`,
  line: `# src/gan/data/toy2d.ts line(): the segment from (-1.5, -1) to (1.5, 1) with N(0, 0.02^2) noise.
MODES = None


def sample_real(n):
    t = 2 * torch.rand(n) - 1
    return torch.stack([1.5 * t + 0.02 * torch.randn(n), t + 0.02 * torch.randn(n)], 1)
`,
};

/** MNIST from Nash's binary (src/gan/data/mnist.ts): the training split, pixels b -> b / 127.5 - 1. */
export const MNIST = `# Nash's MNIST binary (src/gan/data/mnist.ts; public/data/mnist.bin in the Nash repository), little endian:
#   "MNST" | u32 version 1 | u32 count | u16 rows | u16 cols | u32 held_out | u8 pixels[count*784] | u8 labels[count]
# The first count - held_out digits are the training split. Pixels are scaled to [-1, 1] for the tanh generator.
MODES = None


def load_mnist(path):
    with open(path, 'rb') as f:
        data = f.read()
    magic, version, count, rows, cols, held_out = struct.unpack_from('<4sIIHHI', data, 0)
    if magic != b'MNST' or version != 1 or (rows, cols) != (28, 28):
        sys.exit(f'{path}: not a version-1 Nash MNIST binary')
    pixels = torch.frombuffer(bytearray(data[20:20 + count * 784]), dtype=torch.uint8).view(count, 784)
    labels = torch.frombuffer(bytearray(data[20 + count * 784:20 + count * 785]), dtype=torch.uint8).long()
    return pixels[:count - held_out].float() / 127.5 - 1, labels[:count - held_out]


DIGITS = DIGIT_LABELS = None
CLASSES = 10  # the label is the digit


def sample_real_labelled(n):
    k = torch.randint(len(DIGITS), (n,))
    return DIGITS[k], DIGIT_LABELS[k]


def sample_real(n):
    return DIGITS[torch.randint(len(DIGITS), (n,))]
`;

const ACTIVATIONS: Record<RunConfig['generatorActivation'], string> = {
  relu: 'nn.ReLU()',
  // LEAKY_SLOPE in src/gan/architectures/network.ts.
  leakyRelu: 'nn.LeakyReLU(0.2)',
  tanh: 'nn.Tanh()',
};

/** src/gan/architectures/mlp.ts: Glorot-uniform weights and zero biases, like Keras's Dense defaults. */
export function mlp(config: RunConfig, dimension: number, image: boolean, discriminatorInput = String(dimension)): string {
  const stack = (name: string, input: string, layers: number, width: number, activation: string, output: string, last: string) => {
    const rows: string[] = [];
    let inputs = input;
    for (let i = 0; i < layers; i++) {
      rows.push(`nn.Linear(${inputs}, ${width}), ${activation},`);
      inputs = String(width);
    }
    rows.push(`nn.Linear(${inputs}, ${output}),${last}`);
    return `${name} = nn.Sequential(\n    ${rows.join('\n    ')}\n)`;
  };
  return `# src/gan/architectures/mlp.ts: hidden layers of equal width, a linear output${image ? ' squashed by tanh (pixels in [-1, 1])' : ' (2D points are unbounded)'}.
${stack('generator', 'G_INPUT', config.generatorLayers, config.generatorWidth, ACTIVATIONS[config.generatorActivation], String(dimension), image ? ' nn.Tanh(),' : '')}
${stack('discriminator', discriminatorInput, config.discriminatorLayers, config.discriminatorWidth, ACTIVATIONS[config.discriminatorActivation], '1', '')}


def glorot(module):
    if isinstance(module, nn.Linear):
        nn.init.xavier_uniform_(module.weight)
        nn.init.zeros_(module.bias)


generator.apply(glorot)
discriminator.apply(glorot)
`;
}

/** src/gan/architectures/dcgan.ts for 28x28x1: 'same' padding with k 4, s 2 is PyTorch's padding=1. */
export function dcgan(config: RunConfig): string {
  const c = config.channels;
  // WGAN-GP's per-sample penalty is invalid when batch norm couples a batch's samples: the rule build.ts reads too.
  const batchNorm = criticBatchNorm(config);
  return `# src/gan/architectures/dcgan.ts (Radford et al. 2015):
#   G: latent -> linear -> 7x7x2C -> BN -> ReLU -> convT 4x4 /2 -> 14x14xC -> BN -> ReLU -> convT 4x4 /2 -> 28x28x1 -> tanh
#   D: 28x28x1 -> conv 4x4 /2 -> 14x14xC -> LeakyReLU -> conv 4x4 /2 -> 7x7x2C -> ${batchNorm ? 'BN' : 'bias (no BN: WGAN-GP)'} -> LeakyReLU -> linear score
# Weights ~ N(0, 0.02); BN gamma ~ N(1, 0.02), beta = 0; BN eps 1e-5, momentum 0.1 (PyTorch's defaults).
# Nash flattens channels-last (NHWC), PyTorch channels-first: the same layers with the features in another order.
C = ${c}


class Reshape(nn.Module):
    def __init__(self, *shape):
        super().__init__()
        self.shape = shape

    def forward(self, x):
        return x.reshape(x.shape[0], *self.shape)


generator = nn.Sequential(
    nn.Linear(G_INPUT, 7 * 7 * 2 * C, bias=False),
    Reshape(2 * C, 7, 7),                                                 # [n, 2C, 7, 7]
    nn.BatchNorm2d(2 * C), nn.ReLU(),
    nn.ConvTranspose2d(2 * C, C, 4, stride=2, padding=1, bias=False),    # [n, C, 14, 14]
    nn.BatchNorm2d(C), nn.ReLU(),
    nn.ConvTranspose2d(C, 1, 4, stride=2, padding=1),                    # [n, 1, 28, 28]
    nn.Tanh(),
    Reshape(784),                                                         # [n, 784]
)
discriminator = nn.Sequential(
    Reshape(1, 28, 28),                                                   # [n, 1, 28, 28]
    nn.Conv2d(1, C, 4, stride=2, padding=1), nn.LeakyReLU(0.2),          # [n, C, 14, 14]
    ${batchNorm ? 'nn.Conv2d(C, 2 * C, 4, stride=2, padding=1, bias=False), nn.BatchNorm2d(2 * C),' : 'nn.Conv2d(C, 2 * C, 4, stride=2, padding=1),'}  # [n, 2C, 7, 7]
    nn.LeakyReLU(0.2),
    nn.Flatten(),                                                         # [n, 7*7*2C]
    nn.Linear(7 * 7 * 2 * C, 1),                                          # [n, 1]
)


def dcgan_init(module):
    if isinstance(module, (nn.Linear, nn.Conv2d, nn.ConvTranspose2d)):
        nn.init.normal_(module.weight, 0.0, 0.02)
        if module.bias is not None:
            nn.init.zeros_(module.bias)
    elif isinstance(module, nn.BatchNorm2d):
        nn.init.normal_(module.weight, 1.0, 0.02)
        nn.init.zeros_(module.bias)


generator.apply(dcgan_init)
discriminator.apply(dcgan_init)
`;
}
