/**
 * The pieces of the exported PyTorch script, one per axis value, each the Python twin of a file in
 * src/gan (named in its comment) so that a reader can check one against the other. Text only. An
 * objective's Python is in its own module (src/gan/objectives/<id>.ts, `pytorch`), a dataset's in
 * its own (src/gan/data/sets/<id>.ts).
 */
import { criticBatchNorm, type RunConfig } from '../../gan/config.ts';

const ACTIVATIONS: Record<RunConfig['generatorActivation'], string> = {
  relu: 'nn.ReLU()',
  // LEAKY_SLOPE in src/gan/architectures/network.ts.
  leakyRelu: 'nn.LeakyReLU(0.2)',
  tanh: 'nn.Tanh()',
};

/** src/gan/architectures/mlp.ts: Glorot-uniform weights and zero biases, like Keras's Dense defaults. */
export function mlp(
  config: RunConfig,
  dimension: number,
  image: boolean,
  discriminatorInput = String(dimension),
): string {
  const stack = (
    name: string,
    input: string,
    layers: number,
    width: number,
    activation: string,
    output: string,
    last: string,
  ) => {
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

/** src/gan/architectures/dcgan.ts for 28x28x1: 'same' padding with k 4, s 2 (and k 3, s 1 or 2 here) is PyTorch's padding=1. */
export function dcgan(config: RunConfig): string {
  const c = config.channels;
  // WGAN-GP's per-sample penalty is invalid when batch norm couples a batch's samples: the rule build.ts reads too.
  const batchNorm = criticBatchNorm(config);
  return `# src/gan/architectures/dcgan.ts (Radford et al. 2015):
#   G: latent -> linear -> 7x7x2C -> BN -> ReLU -> conv 3x3 -> 7x7x2C -> BN -> ReLU
#      -> convT 4x4 /2 -> 14x14xC -> BN -> ReLU -> convT 4x4 /2 -> 28x28x1 -> tanh
#   D: 28x28x1 -> conv 4x4 /2 -> 14x14xC -> LeakyReLU -> conv 4x4 /2 -> 7x7x2C -> ${batchNorm ? 'BN' : 'bias (no BN: WGAN-GP)'} -> LeakyReLU
#      -> conv 3x3 /2 -> 4x4x4C -> ${batchNorm ? 'BN' : 'bias'} -> LeakyReLU -> linear score
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
    nn.Conv2d(2 * C, 2 * C, 3, stride=1, padding=1, bias=False),          # [n, 2C, 7, 7]
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
    ${batchNorm ? 'nn.Conv2d(2 * C, 4 * C, 3, stride=2, padding=1, bias=False), nn.BatchNorm2d(4 * C),' : 'nn.Conv2d(2 * C, 4 * C, 3, stride=2, padding=1),'}  # [n, 4C, 4, 4]
    nn.LeakyReLU(0.2),
    nn.Flatten(),                                                         # [n, 4*4*4C]
    nn.Linear(4 * 4 * 4 * C, 1),                                          # [n, 1]
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
