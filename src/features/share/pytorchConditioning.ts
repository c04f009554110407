/**
 * The exported script's conditioning (src/gan/conditioning/*): CGAN's label and InfoGAN's codes as
 * Python, and the training loop and evaluation that feed them. Text only; the unconditioned loop
 * stays in pytorch.ts.
 */
import type { RunConfig } from '../../gan/config.ts';
import { DATASET_MODULES } from '../../gan/data/modules.ts';
import { OBJECTIVE_MODULES } from '../../gan/objectives/modules.ts';
import { CONTINUOUS_CODE_WEIGHT, Q_HIDDEN } from '../../gan/architectures/constants.ts';
import { CLASSIFIER_WEIGHTS, classifierHead, labelAtInput } from '../../gan/conditioning/label-input.ts';

/** Whether D also reads onehot(y) at its input: Nash's rule (label.ts), an MLP on 2D data. */
export function labelAtDiscriminatorInput(config: RunConfig): boolean {
  return config.conditioning === 'label' && labelAtInput(config.architecture, DATASET_MODULES[config.dataset]);
}

/** Whether CGAN's D has the auxiliary class head: Nash's rule (label.ts), on images. */
export function labelClassifier(config: RunConfig): boolean {
  return config.conditioning === 'label' && classifierHead(DATASET_MODULES[config.dataset]);
}

/** The width of D's trunk output φ(x), which CGAN's projection and InfoGAN's Q read. */
export function featureSize(config: RunConfig): string {
  if (config.architecture === 'dcgan') return '4 * 4 * 4 * C';
  return String(config.discriminatorWidth);
}

/** Inputs G gets beyond the noise: K one-hot label values (CGAN), K + C codes (InfoGAN). */
export function conditionSize(config: RunConfig): string {
  if (config.conditioning === 'label') return 'CLASSES';
  if (config.conditioning === 'infoCodes') return `${config.categories} + ${config.continuousCodes}`;
  return '0';
}

/** Wraps the built `discriminator` (a Sequential ending in its linear score) into D(x, condition) → (features, scores). */
export function conditioningModules(config: RunConfig): string {
  const features = featureSize(config);
  if (config.conditioning === 'label') {
    const concatenate = labelAtDiscriminatorInput(config);
    const classified = labelClassifier(config);
    return `
# ─── Conditioning: CGAN (src/gan/conditioning/label.ts, Mirza & Osindero 2014) ─────────────────
#   G(z, y) reads z + onehot(y), [n, latentSize + K].
#   D(x, y) = psi(phi(x${concatenate ? ' + onehot(y)' : ''})) + onehot(y)^T V phi(...)   (a projection discriminator, Miyato & Koyama 2018)
#   with phi D's trunk (its last hidden features), psi its linear score, V [K, features] a class embedding ~ N(0, 0.02).
#   ${concatenate ? "The MLP's trunk also reads onehot(y) at its input, [n, dimension + K] (on 2D data, where the label is most of D's input)." : 'The projection alone: among 784 pixels a one-hot input is drowned out (label.ts).'}
#   ${classified ? "An auxiliary classifier (AC-GAN, Odena et al. 2017) on the same phi: a K-way linear head trained with D;\n#   lambda_D CE(y, classifier(phi(x))) joins D's loss on the real batch, lambda_G CE G's loss on the fakes (images only)." : "No auxiliary class head on 2D data: the label at D's input holds there (label.ts)."}
#   A D step's fakes carry the real batch's labels; a G step draws labels uniformly.
K = CLASSES${classified ? `\nCLASSIFIER_WEIGHT_D = ${CLASSIFIER_WEIGHTS.discriminator}                                                # lambda_D, in D's loss\nCLASSIFIER_WEIGHT_G = ${CLASSIFIER_WEIGHTS.generator}                                               # lambda_G, in G's loss` : ''}


class ProjectionDiscriminator(nn.Module):
    def __init__(self, trunk, score):
        super().__init__()
        self.trunk, self.score = trunk, score
        self.embedding = nn.Parameter(0.02 * torch.randn(K, ${features}))  # V: trained with D, clipped with WGAN's critic

    def forward(self, x, condition):                                       # condition: onehot(y) [n, K]
        features = self.trunk(${concatenate ? 'torch.cat([x, condition], 1)' : 'x'})  # [n, features]
        agreement = ((condition @ self.embedding) * features).sum(1, keepdim=True)  # [n, 1]
        return features, self.score(features) + agreement                  # [n, features], [n, 1]


discriminator = ProjectionDiscriminator(discriminator[:-1], discriminator[-1])
${
  classified
    ? `classifier = nn.Linear(${features}, K)                                       # Glorot-uniform, zero bias, as in Nash
nn.init.xavier_uniform_(classifier.weight)
nn.init.zeros_(classifier.bias)
classifier.to(DEVICE)
discriminator_parameters = list(discriminator.parameters()) + list(classifier.parameters())  # the head: never clipped`
    : 'discriminator_parameters = list(discriminator.parameters())'
}


def sample_condition(n, labels=None):
    """onehot(y) [n, K]: the given labels (a D step's real batch), or uniform ones."""
    labels = torch.randint(K, (n,)) if labels is None else labels
    return F.one_hot(labels, K).float().to(DEVICE)


def grid_condition(n):
    """The fixed condition of Nash's sample grids: label i mod K for sample i."""
    return sample_condition(n, torch.arange(n) % K)


def generator_input(noise, condition):
    return torch.cat([noise, condition], 1)                                # [n, latentSize + K]


${
  classified
    ? `def classification(features, condition, weight):
    """weight CE(y, classifier(phi(x))): lambda_D in D's loss on the real batch, lambda_G in G's on the fakes."""
    return -weight * (condition * F.log_softmax(classifier(features), 1)).sum(1).mean()


`
    : ''
}def information(features, condition):
    return None                                                            # CGAN has no information term
`;
  }
  return `
# ─── Conditioning: InfoGAN (src/gan/conditioning/info-codes.ts, Chen et al. 2016) ──────────────
#   G reads sigma z + c (sigma: NOISE_SCALE), c = onehot(c_cat) + c_cont, c_cat ~ Cat(K), c_cont ~ U(-1, 1)^C.
#   Q (src/gan/architectures/info-head.ts) shares D's trunk: features -> dense ${Q_HIDDEN} -> LeakyReLU 0.2 -> dense K + C.
#   L_I = CE(c_cat, Q_cat(x)) + W_CONT/2 ||c_cont - Q_mean(x)||^2 on x = G(z, c)   (sigma fixed at 1)
#   D/Q step: minimise L_D + lambda L_I over D and Q;  G step: minimise L_G + lambda L_I over G.
#   D's score ignores the codes; Q's weights are never clipped (WGAN clips D's score path only).
K = ${config.categories}
C_CONT = ${config.continuousCodes}
INFO_LAMBDA = CONFIG['infoLambda']
NOISE_SCALE = CONFIG['infoNoiseScale']  # G reads sigma z (1: the paper's G; src/gan/conditioning/info-codes.ts)
W_CONT = ${CONTINUOUS_CODE_WEIGHT}  # the continuous codes' weight in L_I (PyTorch-GAN's lambda_con)


class TrunkAndScore(nn.Module):
    def __init__(self, trunk, score):
        super().__init__()
        self.trunk, self.score = trunk, score

    def forward(self, x, condition=None):
        features = self.trunk(x)                                           # [n, features]
        return features, self.score(features)                              # [n, features], [n, 1]


discriminator = TrunkAndScore(discriminator[:-1], discriminator[-1])
q_head = nn.Sequential(nn.Linear(${features}, ${Q_HIDDEN}), nn.LeakyReLU(0.2), nn.Linear(${Q_HIDDEN}, K + C_CONT))


def glorot_q(module):
    # Q's dense layers are Glorot-uniform with zero biases in Nash, whatever the architecture.
    if isinstance(module, nn.Linear):
        nn.init.xavier_uniform_(module.weight)
        nn.init.zeros_(module.bias)


q_head.apply(glorot_q)
q_head.to(DEVICE)
discriminator_parameters = list(discriminator.parameters()) + list(q_head.parameters())


def sample_condition(n, labels=None):
    """Fresh codes from their prior (InfoGAN draws them for D's fakes too): (onehot(c_cat) [n, K], c_cont [n, C])."""
    codes = torch.randint(K, (n,))
    return F.one_hot(codes, K).float().to(DEVICE), (2 * torch.rand(n, C_CONT) - 1).to(DEVICE)


def grid_condition(n):
    """The fixed condition of Nash's sample grids: code value i mod K for sample i, continuous codes 0."""
    return F.one_hot(torch.arange(n) % K, K).float().to(DEVICE), torch.zeros(n, C_CONT, device=DEVICE)


def generator_input(noise, condition):
    return torch.cat([NOISE_SCALE * noise, condition[0], condition[1]], 1) # [n, latentSize + K + C]


def information(features, condition):
    """(lambda L_I, the categorical code's mutual-information bound ln K - CE <= ln K)."""
    out = q_head(features)                                                 # [n, K + C]
    logits, means = out[:, :K], out[:, K:]
    cross_entropy = -(condition[0] * F.log_softmax(logits, 1)).sum(1).mean()
    squared_error = 0.5 * W_CONT * ((condition[1] - means) ** 2).sum(1).mean() if C_CONT else torch.zeros((), device=out.device)
    return INFO_LAMBDA * (cross_entropy + squared_error), math.log(K) - cross_entropy.item()
`;
}

/**
 * The conditioned training loop: each step's condition goes to G and D; CGAN's λ·CE of the class
 * head joins D's loss (real batch) and G's (fakes), InfoGAN's λ·L_I joins both losses.
 */
export function conditionedLoop(config: RunConfig, dimension: number): string {
  const { criticPenalty: penalty, afterCriticStep: clip } = OBJECTIVE_MODULES[config.objective].losses;
  const labelled = config.conditioning === 'label';
  const classified = labelClassifier(config);
  return `mutual_information = float('nan')
for iteration in range(1, args.steps + 1):
    for _ in range(CONFIG['discriminatorSteps']):
        ${labelled ? 'real, labels = sample_real_labelled(BATCH)' : 'real, labels = sample_real(BATCH), None'}
        real = real.to(DEVICE)                                                    # [n, ${dimension}]
        condition = sample_condition(BATCH, labels)                               # ${labelled ? "the fakes carry the real batch's labels" : 'fresh codes for the fakes'}
        fake = generator(generator_input(sample_noise(BATCH), condition)).detach()  # D's step moves D${classified ? ' and its class head' : labelled ? '' : ' and Q'} only
        (${classified ? 'real_features' : '_'}, d_real), (fake_features, d_fake) = discriminator(real, condition), discriminator(fake, condition)
        d_loss = discriminator_loss(d_real, d_fake)${penalty ? '\n        d_loss = d_loss + critic_penalty(real, fake, lambda x: discriminator(x, condition)[1])' : ''}${classified ? '\n        d_loss = d_loss + classification(real_features, condition, CLASSIFIER_WEIGHT_D)  # the class head learns from real digits' : ''}
        info = information(fake_features, condition)
        if info is not None:
            d_loss, mutual_information = d_loss + info[0], info[1]
        discriminator_optimizer.zero_grad()
        d_loss.backward()
        discriminator_optimizer.step()${clip ? '\n        after_critic_step()' : ''}
    for _ in range(CONFIG['generatorSteps']):
        condition = sample_condition(BATCH)
        fake_features, scores = discriminator(generator(generator_input(sample_noise(BATCH), condition)), condition)
        g_loss = generator_loss(scores)${classified ? '\n        g_loss = g_loss + classification(fake_features, condition, CLASSIFIER_WEIGHT_G)  # G makes fakes the head reads as y' : ''}
        info = information(fake_features, condition)
        if info is not None:
            g_loss, mutual_information = g_loss + info[0], info[1]
        generator_optimizer.zero_grad()
        g_loss.backward()
        generator_optimizer.step()
    if LEAD and (iteration % log_every == 0 or iteration == args.steps):
        print(json.dumps({'iteration': iteration, 'dLoss': finite(d_loss.item()), 'gLoss': finite(g_loss.item())${labelled ? '' : ", 'mutualInformation': finite(mutual_information)"}}), flush=True)
    if LEAD and args.save_every and iteration % args.save_every == 0 and iteration < args.steps:
        write_weights(iteration)
`;
}
