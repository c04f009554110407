import * as tf from '../tf.ts';
import type { ArchitectureId } from '../config.ts';
import { INIT_STD } from '../architectures/constants.ts';
import { type Discriminator, glorotUniform, seededVariable, zeros } from '../architectures/network.ts';
import type { Dataset } from '../data/dataset.ts';
import type { Rng } from '../rng.ts';
import { CLASSIFIER_WEIGHTS, classifierHead, labelAtInput } from './label-input.ts';
import { type Condition, type Conditioning, cyclingLabels, oneHotRows, uniformLabels } from './types.ts';

/**
 * Conditional GAN (Mirza & Osindero 2014): the label y, one-hot, is given to both networks, so G
 * learns p(x | y) and D judges whether x is real *for that y*. The objective's losses are unchanged:
 *
 *   L_D = objective's L_D on D(x, y) and D(G(z, y), y),   L_G = objective's L_G on D(G(z, y), y)
 *
 * plus an auxiliary classifier's term in each (below).
 *
 * G: latent = z ⊕ onehot(y), [n, latentSize + K], for every architecture.
 *
 * D: a projection discriminator (Miyato & Koyama 2018) for every architecture,
 *
 *   D(x, y) = ψ(φ(x)) + onehot(y)ᵀ·V·φ(x)
 *
 * with φ D's trunk (its `features`), ψ its linear score and V [K, featureSize] a learned class
 * embedding. An MLP on 2D data also takes onehot(y) concatenated to its input, [n, dimension + K],
 * the paper's form (RESEARCH.md §1); an MLP on flattened digits takes the projection only. Measured
 * on wasm at seed 1: on the ring, where the label is 8 of D's 10 inputs, concatenation puts 97% of
 * the samples within 3σ of a mode after 750 iterations, the projection alone 42%, both 94% (the
 * ring's defaults); on flattened MNIST the label's 10 inputs drown among 784 pixels: concatenation
 * alone reached 15% classifier label accuracy after 2,000 iterations, the projection alone 94% after
 * 500, both 78% (latent 32, one hidden layer of 128, Adam 2e-3, batch 64); with G 2×256, D 1×256,
 * Adam 1e-3 the projection alone gave 1.00 at 500 iterations, both 0.80.
 *
 * For DCGAN the projection alone; the other options are worse. One-hot broadcast as input channels
 * (dcgan_code's conv_cond_concat) gives the first convolution 11 input channels instead of 1, which
 * at C = 16 roughly doubles D's convolution arithmetic (14·14·C·16·11 vs 7·7·2C·16·C multiply-adds
 * per digit); concatenating y to the flattened trunk before a linear score only adds a per-class
 * constant, so D could never tell whether a digit matches its label. The inner product couples label
 * and features at the cost of one [K, featureSize] matrix.
 *
 * An auxiliary classifier (AC-GAN, Odena et al. 2017) on the same trunk: a K-way linear head C
 * [featureSize → K], Glorot-uniform with zero bias, trained with D (a head variable: WGAN never
 * clips it), with its cross-entropy in both losses, each at its own weight (CLASSIFIER_WEIGHTS in
 * label-input.ts, λ_D = 3, λ_G = 10; the paper has one λ):
 *
 *   L_D += λ_D·CE(y, C(φ(x_real))),   L_G += λ_G·CE(y, C(φ(G(z, y))))
 *
 * The head learns the digits from the real batch only; G is pushed to draw digits it reads as y. The
 * projection alone lets G drift: at Adam 1e-3 label accuracy peaked and then sagged as G's strokes
 * spread (seed 2: 0.78 at 500 iterations, 0.77 at 2,000), at 2e-4 it decays (issue 17's PyTorch
 * reference). Measured with `npm run train` on wasm, seed 2 (tuned on 1–3, see MNIST_MLP_RECIPES):
 * λ = 1 reached 0.80 at 500 and 0.89 at 2,000; λ = 3 0.90 at 500 and 0.95 from 2,000 to 2,500;
 * λ = 10 0.71 at 2,000 (the head's pull swamps D's); the head also on the fakes in D's loss (the
 * paper's form) 0.69 at 500 and 0.86 at 2,000; λ = 3 at Adam 5e-4 0.87 at 2,000. All dip around
 * 1,000–1,500 iterations, where G's strokes are noisiest (classifier score ~4 of 10). λ = 10 hurt
 * through D's loss, where it turns the trunk into a classifier; in G's loss alone it is G's pull
 * toward readable digits: λ_D = 3, λ_G = 10 at seed 3 (`npm run bench -- cgan`) read 0.98 at 500
 * (λ = 3: 0.43) and 0.98 at 2,750–3,000 (0.94 at 2,500 before), with the dip (0.67 at 1,250) still
 * there; at seeds 1–5 (4–5 not tuned on) the lowest reading from 750 on rose to 0.67–0.79 (λ = 3:
 * 0.58, 0.64 at seeds 4, 5) and 5,000 reads 0.97–0.99, but readings still jitter by ±0.03 from
 * 3,000 on; D at twice G's rate (recipes.ts) steadies them (presets.ts cganMnist has the table).
 * The head is how label conditioning works on images (MNIST; MLP and DCGAN alike), with no setting;
 * the 2D sets keep the label at D's input and the projection (classifierHead in label-input.ts says
 * why).
 *
 * In a D step the fakes carry the real batch's labels: real and fake halves then have the same label
 * histogram, and WGAN-GP's interpolates x̂ = εx + (1 − ε)G(z, y) share one y, so the penalty
 * differentiates D with respect to x only, as in the unconditional case.
 */
export function labelConditioning(
  dataset: Dataset,
  architecture: ArchitectureId,
  discriminator: Discriminator,
  rng: Rng,
): Conditioning {
  const values = dataset.classes;
  if (values < 1) throw new Error(`Conditioning (label): dataset ${dataset.id} has no labels`);
  const onehot = (condition: Condition) => {
    if (!condition.labels) throw new Error('Conditioning (label): the batch carries no labels');
    return tf.tensor2d(oneHotRows(condition.labels, values), [condition.labels.length, values]); // [n, K]
  };
  // The projection's class embedding V, N(0, 0.02) like DCGAN's weights (Radford et al. 2015 §4).
  const embedding = seededVariable(
    [values, discriminator.featureSize],
    (out) => rng.fillNormal(out, 0, INIT_STD),
    'discriminator_label_embedding',
  );
  const concatenateToInput = labelAtInput(architecture, dataset);
  // AC-GAN's class head C on images: Glorot-uniform like a dense layer (mlp.ts), zero bias.
  const head = classifierHead(dataset)
    ? [
        seededVariable(
          [discriminator.featureSize, values],
          glorotUniform(rng, discriminator.featureSize, values),
          'discriminator_class_kernel',
        ),
        seededVariable([values], zeros, 'discriminator_class_bias'),
      ]
    : [];
  const [classKernel, classBias] = head;

  return {
    id: 'label',
    values,
    criticVariables: [embedding],
    headVariables: head,
    forDiscriminatorStep(real) {
      if (!real.labels) throw new Error(`Conditioning (label): dataset ${dataset.id} gave a batch without labels`);
      return { labels: real.labels };
    },
    sample: (n, sampleRng) => ({ labels: uniformLabels(n, values, sampleRng) }),
    grid: (n) => ({ labels: cyclingLabels(n, values) }),
    generatorInput: (noise, condition) => tf.tidy(() => tf.concat([noise, onehot(condition)], 1)), // [n, latentSize + K]
    judge: (network, x, condition, training) =>
      tf.tidy(() => {
        const input = concatenateToInput ? tf.concat([x, onehot(condition)], 1) : x; // [n, dimension (+ K)]
        const features = network.features(input, training); // [n, featureSize]
        const projected = tf.matMul(onehot(condition), embedding); // [n, featureSize]: V's row for each y
        const agreement = tf.sum(tf.mul(projected, features), 1, true); // [n, 1]
        return { features, scores: tf.add<tf.Tensor2D>(network.score(features), agreement) }; // [n, 1]
      }),
    classification: head.length
      ? (features, condition, loss) =>
          tf.tidy(() => {
            const logits = tf.add(tf.matMul(features, classKernel), classBias); // [n, K]
            const crossEntropy = tf.neg(tf.mean(tf.sum(tf.mul(onehot(condition), tf.logSoftmax(logits)), 1))); // []
            return tf.mul(CLASSIFIER_WEIGHTS[loss], crossEntropy) as tf.Scalar; // λ_D or λ_G
          })
      : undefined,
    dispose: () => tf.dispose([embedding, ...head]),
  };
}
