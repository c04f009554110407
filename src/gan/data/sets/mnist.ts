import type { DatasetModule } from '../dataset.ts';
import { MNIST_CLASSES, MNIST_PIXELS } from '../mnist.ts';

/**
 * MNIST, loaded by the platform (the worker fetches public/data/mnist.bin, the CLI reads it; mnist.ts
 * parses it) and handed over as a source: 28×28 digits in [−1, 1], labelled by digit.
 */
export const mnistData: DatasetModule = {
  id: 'mnist',
  kind: 'images',
  labelled: true,
  dimension: MNIST_PIXELS,
  classes: MNIST_CLASSES,
  create({ mnist }) {
    if (!mnist) throw new Error('MNIST: the digits have not been loaded yet');
    return mnist;
  },
  // Nash's binary (src/gan/data/mnist.ts): the training split, pixels b -> b / 127.5 - 1.
  pytorch: `# Nash's MNIST binary (src/gan/data/mnist.ts; public/data/mnist.bin in the Nash repository), little endian:
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
`,
};
