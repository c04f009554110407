/**
 * Each lesson's words, keyed by its id in LESSON_IDS (src/features/lessons/lessons.ts), in the course
 * notes' order. Our own words; the notes' Korean terms where they name a thing (내쉬 균형, 모드 붕괴,
 * 기울기 소멸, 비평자, 전치 합성곱). `noteOnNotes` gently corrects the notes where they are imprecise.
 * Imported only by the Lessons tab's chunk, so ~10 kB of text stays off the page's first download;
 * tests/unit/lessons.test.ts checks every lesson has every field in both languages.
 */
export interface LessonWords {
  title: string;
  /** A short explanation, one paragraph per entry. */
  text: string[];
  lookAt: string;
  question: string;
  answer: string;
  /** Where the notes are imprecise, put right; empty where they are not. */
  noteOnNotes: string;
}

export const en = {
  game: {
    title: 'The game and its value V(D, G)',
    text: [
      'A GAN is two networks playing one game. The generator G turns noise z into samples; the discriminator D scores how real a sample looks. They share one value V(D, G): D wants it high (data scored near 1, fakes near 0), G wants it low.',
      'The product is named after the game’s solution, a Nash equilibrium: a pair of strategies from which neither player gains by changing only its own. For a GAN it is G producing exactly the data’s distribution, with D unable to do better than ½ everywhere.',
    ],
    lookAt:
      'Train the ring. D’s heatmap shows where D believes the data is; the generated points (crosses) move onto the real ones (discs), and D’s picture flattens as they arrive.',
    question: 'At the equilibrium, p_g = p_data and D = ½ everywhere. What is V there?',
    answer: 'log ½ + log ½ = −log 4 ≈ −1.39. D’s loss, which is −V, then reads log 4 ≈ 1.39.',
    noteOnNotes:
      'The notes say the best strategy in a zero-sum game minimises the largest possible loss. That is von Neumann’s minimax theorem, which needs a convex–concave game (or mixed strategies); the game two networks play is neither, so an equilibrium is what we hope for, not what the theorem gives. And “expectation” (기대값) is exact: E is the expectation, which training estimates with the mean over a batch.',
  },
  optimalDiscriminator: {
    title: 'The optimal D, and what D = ½ means',
    text: [
      'Fix G. The best D at a point x weighs how much data against how many fakes land there: D*(x) = p_data(x) / (p_data(x) + p_g(x)). Put D* back into V and the game becomes −log 4 plus twice the Jensen–Shannon divergence between the data and the fakes: G, against the best D, is minimising a distance between distributions.',
      'So D = ½ has two meanings. At the equilibrium it is optimal: there is nothing left to tell apart. Early in training it can mean the opposite: D has not learned anything. The samples tell you which.',
    ],
    lookAt:
      'Load the weak discriminator: D(x) and D(G(z)) both sit at 0.5 while the fakes are plainly off the ring. Then its fix: D(x) rises above D(G(z)) first, and they only drift back together as the fakes reach the data.',
    question:
      'Two runs both show D(x) ≈ D(G(z)) ≈ 0.5. In one the fakes cover the ring, in the other they do not. Which D is optimal?',
    answer:
      'The first. With p_g = p_data, D* = ½ everywhere. In the second a better D exists (near 1 on the ring, near 0 on the fakes): D is weak, not optimal. D’s loss cannot tell them apart: it is log 4 in both.',
    noteOnNotes:
      'The notes never show D*, so “D outputs ½” is easy to read as “D is broken”. Goodfellow et al. 2014 prove that the game’s global optimum is p_g = p_data, where D* = ½: assuming D can reach D* at every step, which a few gradient steps only approximate.',
  },
  nonConvergence: {
    title: 'Non-convergence',
    text: [
      'Each network takes gradient steps on its own loss while the other moves. Even the simplest game shows the trouble: V(x, y) = xy, where x minimises and y maximises. Its equilibrium is (0, 0), yet simultaneous gradient steps circle around it and spiral outwards: every step multiplies x² + y² by 1 + η².',
      'In a GAN this shows as losses that swing and samples that never settle. Smaller steps and less momentum damp the swing; they do not change the nature of the dynamics.',
    ],
    lookAt:
      'Load the oscillation preset: the loss curves swing up and down and the samples jump around. Its fix, lr 0.001 and β1 = 0.5, settles the losses into narrow bands.',
    question: 'In V(x, y) = xy with simultaneous steps, does a smaller learning rate η make the iterates converge?',
    answer:
      'No. Each step multiplies x² + y² by 1 + η², which is above 1 for any η > 0: a smaller η only spirals out more slowly. Averaging the iterates, or methods such as extragradient, do converge on this game.',
    noteOnNotes:
      'The notes say gradient descent reaches a Nash equilibrium only when the feature space is convex. It is the game, not the feature space: what matters is whether V is convex in G’s parameters and concave in D’s. And even then plain simultaneous steps are not guaranteed to converge, as V(x, y) = xy shows: it is convex–concave and still spirals out.',
  },
  modeCollapse: {
    title: 'Mode collapse',
    text: [
      'Against a fixed D, G’s best move is to send every z to the single point D finds most real. Nothing in G’s loss rewards variety. When D catches up and rejects that point, G jumps to the next one: the samples hop from mode to mode instead of covering them all.',
      'A D that is too strong or updated too often makes this worse, because G keeps chasing the one spot D has not yet learned to reject.',
    ],
    lookAt:
      'Load mode collapse: the generated points gather on one of the ring’s eight modes and “Modes covered” stays at 1. Its fix, one D step per G step at equal rates, spreads them over the ring (more slowly).',
    question: 'Why does G, against a strong D, put all of its samples on one mode rather than spread them out?',
    answer:
      'G is scored sample by sample: each z is pushed to where the current D is most fooled, and that is one place. Nothing compares G’s samples with each other, so nothing penalises them for being the same.',
    noteOnNotes:
      'The notes say G falls into a local minimum. Not of a fixed loss: G’s loss changes every time D changes. Collapse is G chasing D’s current weakest point, and hopping when D moves, rather than resting in a valley.',
  },
  vanishingGradients: {
    title: 'Vanishing gradients and the non-saturating fix',
    text: [
      'With the notes’ G loss, log(1 − D(G(z))), G learns only as fast as D(G(z)) is large: at D’s logit ℓ (D = σ(ℓ)) its gradient is −D(G(z)). When D confidently rejects the fakes, D(G(z)) → 0 and G’s gradient goes with it.',
      'The non-saturating loss −log D(G(z)) has the same fixed point but a gradient of −(1 − D(G(z))), which is largest exactly when G is doing worst. Goodfellow et al. proposed it in the first GAN paper for this reason.',
    ],
    lookAt:
      'Load vanishing gradients: on the log-scale gradient chart G’s gradient falls by orders of magnitude, and the vanishing-gradient card appears. Load the fix: the same strong start, but the gradient stays near 1.',
    question: 'D(G(z)) = 0.01. How large is G’s gradient at D’s logit under each loss?',
    answer: 'Saturating: |∂L_G/∂ℓ| = D(G(z)) = 0.01. Non-saturating: 1 − D(G(z)) = 0.99, about a hundred times larger.',
    noteOnNotes:
      'The notes say that in this failure G’s loss goes to 0 and D’s loss climbs. G’s saturating loss does rise to 0 (from below), but D’s loss falls towards 0: D is winning. With the non-saturating loss it is G’s loss that climbs.',
  },
  lsgan: {
    title: 'LSGAN: the labels a, b and c',
    text: [
      'LSGAN replaces the log-loss with squares. D is trained to output b on data and a on fakes; G wants D to output c on its fakes. A fake on the right side of D’s boundary but far from the data still gets a penalty, (D(G(z)) − c)², and so still a gradient.',
      'Two settings are common: a = 0, b = c = 1 (G wants its fakes labelled real), or a = −1, b = 1, c = 0, which with b − c = 1 and b − a = 2 makes the game minimise a Pearson χ² divergence (Mao et al. 2017).',
    ],
    lookAt:
      'Load the GAN side: the saturating loss against a strong D loses its gradient. Then LSGAN on the same ring: its gradient 2|D(G(z)) − c| does not vanish, and G covers the ring.',
    question:
      'With a = 0, b = 1, c = 1, what does G push D(G(z)) towards, and what gradient does a fake that D scores 0 get?',
    answer:
      'Towards c = 1, the label of real data. Its gradient 2(D(G(z)) − c) = −2 at a score of 0: large, because the fake is far from where G wants it.',
    noteOnNotes:
      'The notes say a and b are the labels of real and fake data, in that order; their own formula uses b for real data and a for fakes. The paper also puts ½ before each term, which only scales the losses.',
  },
  dcgan: {
    title: 'DCGAN and the transposed convolution',
    text: [
      'DCGAN builds both networks from convolutions. D shrinks an image with stride-2 convolutions; G grows noise into an image with transposed convolutions. Radford et al. list the rules that made it train: strided convolutions instead of pooling, batch norm except at G’s output and D’s input, no hidden dense layers, ReLU in G with tanh at its output, LeakyReLU in D.',
      'A convolution is a matrix product y = Cx. The transposed convolution multiplies by Cᵀ: each input cell stamps the kernel onto a patch of a larger map. The same thing is a “fractionally strided” convolution: spread the input out with zeros, pad it, and convolve with the flipped kernel.',
    ],
    lookAt:
      'In the Transposed convolution tab, step through the stamping (Cᵀ·y) and then the fractional-stride slide: both give the same numbers, and TensorFlow.js agrees. The checkerboard example shows why kernel 4 with stride 2 is the usual choice. Then load DCGAN on MNIST: two such layers grow G’s 7×7 map to the 28×28 digits in the samples grid.',
    question: 'A 7×7 map goes through a transposed convolution with k = 4, s = 2, p = 1. What size comes out?',
    answer: 'n = (o − 1)·s − 2p + k = 6·2 − 2 + 4 = 14. A second such layer gives 28: MNIST’s size.',
    noteOnNotes:
      'The notes say D uses strides “greater than 2”: it is stride 2 or more (DCGAN uses 2). Batch norm goes in both networks except G’s output and D’s input layers, and LeakyReLU in all of D’s hidden layers, not its output. And Cᵀ restores the shape, not the values: a transposed convolution is not the inverse of a convolution.',
  },
  latentArithmetic: {
    title: 'Arithmetic in the latent space',
    text: [
      'G maps a smooth space of noise vectors to images, so directions in that space can carry meaning. Radford et al. took the average latent of “smiling woman”, subtracted “neutral woman”, added “neutral man” and got smiling men.',
      'One latent carries its own details as well as the concept; averaging a few latents per concept keeps what they share and cancels the rest.',
    ],
    lookAt:
      'Load MNIST digits and train a few thousand iterations, then open the latent explorer below the charts: put samples into slots A, B and C (several per slot are averaged) and look at A − B + C.',
    question: 'Why average several latents per concept before computing A − B + C?',
    answer:
      'A single latent also encodes things unrelated to the concept (stroke width, slant). Averaging keeps the part the samples share and cancels the rest; with single vectors the results were unstable.',
    noteOnNotes:
      'The notes say it “does not work well, of course”. With single vectors it is unreliable, which is why the DCGAN paper averaged three latents per concept; with those averages the arithmetic worked on faces.',
  },
  wgan: {
    title: 'WGAN and the Lipschitz constraint',
    text: [
      'The Wasserstein distance W is the least average distance mass must travel to turn the fakes’ distribution into the data’s: the cheapest transport plan. Unlike the Jensen–Shannon divergence it still changes smoothly when the two distributions do not overlap, so G gets a useful gradient even when D would win outright.',
      'Computing it over plans is hopeless in high dimension; its dual is not: W is the largest gap E[f(data)] − E[f(fakes)] over functions f whose slope is at most 1. The critic D_w plays f, and must be kept 1-Lipschitz. WGAN keeps it so crudely, by clipping every weight to [−c, c].',
    ],
    lookAt:
      'Load the three clip presets. c = 0.001: the critic is almost constant and G’s gradient vanishes. c = 10: the critic is barely constrained and the W estimate and G’s gradient explode. c = 0.1: both settle.',
    question: 'With the weights clipped to c, why is the critic’s gap not W itself?',
    answer:
      'Clipping makes the critic K-Lipschitz for some K set by c and the layer sizes, not K = 1, so the gap estimates at most K·W. It still tracks W up to that factor, which is why its curve is useful to watch.',
    noteOnNotes:
      'In the notes W = Σ γ(x, y)‖x − y‖ is the cost of one plan; W is the infimum of that cost over all plans γ whose marginals are p_r and p_g. γ says how much mass moves from y to x (not a difference between samples), and ‖x − y‖ is a distance between points. The Kantorovich–Rubinstein duality is an equality, not KR ≤ W; the 1/K appears because K-Lipschitz f give K·W. In the loss, f_w(G_θ(x)) should read f_w(G_θ(z)).',
  },
  wganGp: {
    title: 'WGAN-GP: a gradient penalty instead of clipping',
    text: [
      'Gulrajani et al. 2017 keep the critic Lipschitz directly: they penalise its gradient norm where it differs from 1, at random points on lines between data and fakes, x̂ = εx + (1 − ε)G(z). The optimal critic has slope 1 along exactly those lines.',
      'No weights are clipped, so the critic keeps its capacity. Batch norm must go from the critic: it makes each sample’s output depend on the batch, and the penalty is per sample.',
    ],
    lookAt:
      'Load WGAN-GP on the ring: slower per iteration (five critic steps and a second-order gradient), but the coverage rises steadily and the W estimate falls as the fakes approach the data.',
    question: 'Why is the penalty taken at points between real and fake samples, not only on the data?',
    answer:
      'G’s gradient comes from the critic’s slope where the fakes are and on the way to the data; the optimal critic has slope exactly 1 along the lines joining them, so that is where the constraint matters.',
    noteOnNotes:
      'The notes stop at weight clipping; this lesson goes beyond them. The penalty is two-sided, (‖∇D‖ − 1)², not only for slopes above 1, and Nash builds DCGAN’s critic without batch norm under it.',
  },
  cgan: {
    title: 'CGAN: choosing what to generate',
    text: [
      'A conditional GAN gives both networks a label y. G draws G(z | y), a sample of the asked-for class; D judges the pair (x, y): is this a real image of class y?',
      'The label enters as a one-hot vector concatenated with the noise (Nash’s G), or through a learned projection (Nash’s D).',
    ],
    lookAt:
      'Load CGAN on MNIST and train for about 500 iterations; then in the latent explorer pick a label: every sample becomes that digit, while the noise still varies its style.',
    question: 'Why must D see the label too, and not only G?',
    answer:
      'If D judged images alone, G could ignore y and still fool it with any realistic digit. Judging the pair (x, y) makes a real “3” labelled 7 count as fake.',
    noteOnNotes:
      'The notes say D is trained only on data of a chosen label. It is trained on all of them, each image with its own label, and learns whether the pair is real. As for the notes’ question whether a numeric label is concatenated to real-valued noise as it is: it is one-hot encoded (or embedded) first.',
  },
  infogan: {
    title: 'InfoGAN: codes that mean something',
    text: [
      'InfoGAN splits G’s input into noise z and a code c (categorical and continuous parts) and asks that c stay readable from the image. A head Q predicts c from G(z, c); G and Q are rewarded by λ·L_I, a lower bound on the mutual information between the code and the image.',
      'To keep Q right, G has to make c visible in the image, and without any labels the categorical code often ends up choosing the digit class and a continuous code the slant or width.',
    ],
    lookAt:
      'Load InfoGAN on MNIST and train 2,000 iterations (about 4 minutes on a laptop’s CPU), or choose Start from trained weights: the mutual-information chart climbs towards ln 10. Then open the latent explorer and look at its rows: one noise vector under each value of the categorical code, and along each continuous code.',
    question: 'What does Q predict, and why does that give c a meaning?',
    answer:
      'Q predicts the code c from the generated image. G can only help Q by making each value of c change the image in a consistent way, so c comes to control a feature of the data, found without labels.',
    noteOnNotes:
      'The notes say InfoGAN leaves the discriminator alone. It does not quite: Q shares all of D’s layers but the last and adds a small head of its own, so D’s trunk is trained by the information term too (Chen et al. 2016).',
  },
} satisfies Record<string, LessonWords>;

export const ko: typeof en = {
  game: {
    title: '게임과 그 값 V(D, G)',
    text: [
      'GAN은 두 신경망이 하나의 게임을 하는 것입니다. 생성자 G는 잡음 z를 샘플로 바꾸고, 판별자 D는 샘플이 얼마나 진짜 같은지 점수를 매깁니다. 둘은 하나의 값 V(D, G)를 나눠 가집니다. 판별자는 이 값을 높이려 하고(진짜는 1 가까이, 가짜는 0 가까이), 생성자는 낮추려 합니다.',
      '이 제품의 이름은 게임의 해인 내쉬 균형에서 왔습니다. 어느 쪽도 자기 전략만 바꿔서는 이득을 볼 수 없는 전략의 쌍입니다. GAN에서는 생성자가 데이터의 분포를 그대로 만들어 내고, 판별자는 어디서나 ½보다 잘할 수 없는 상태입니다.',
    ],
    lookAt:
      '링을 학습시켜 보세요. 판별자의 히트맵은 판별자가 데이터가 있다고 믿는 곳을 보여 줍니다. 생성된 점(×)이 진짜 점(●) 위로 움직이고, 가짜가 도착할수록 판별자의 그림이 평평해집니다.',
    question: '균형에서는 p_g = p_data이고 어디서나 D = ½입니다. 이때 V는 얼마일까요?',
    answer: 'log ½ + log ½ = −log 4 ≈ −1.39입니다. −V인 판별자의 손실은 log 4 ≈ 1.39가 됩니다.',
    noteOnNotes:
      '노트는 제로섬 게임에서 입을 수 있는 최대 손실을 최소화하는 전략이 최적이라고 합니다. 이는 폰 노이만의 최소최대 정리로, 볼록–오목한 게임(또는 혼합 전략)이 필요합니다. 두 신경망의 게임은 그렇지 않으므로 균형은 정리가 보장하는 것이 아니라 바라는 것입니다. 또 “기대값”은 정확한 말입니다. E는 기댓값이고, 학습은 이를 배치의 평균으로 추정합니다.',
  },
  optimalDiscriminator: {
    title: '최적의 판별자와 D = ½의 의미',
    text: [
      '생성자를 고정합시다. 점 x에서 가장 좋은 판별자는 그곳에 데이터와 가짜가 각각 얼마나 오는지를 견줍니다: D*(x) = p_data(x) / (p_data(x) + p_g(x)). D*를 V에 다시 넣으면 게임은 −log 4에 데이터와 가짜 사이 젠슨–섀넌 발산의 두 배를 더한 값이 됩니다. 가장 좋은 판별자를 상대하는 생성자는 두 분포 사이의 거리를 줄이고 있는 셈입니다.',
      '그래서 D = ½에는 두 가지 뜻이 있습니다. 균형에서는 최적입니다. 더 구별할 것이 없기 때문입니다. 학습 초기에는 정반대일 수 있습니다. 판별자가 아무것도 배우지 못한 것입니다. 어느 쪽인지는 샘플이 알려 줍니다.',
    ],
    lookAt:
      '약한 판별자를 불러오세요. 가짜가 링에서 한참 벗어나 있는데도 D(x)와 D(G(z))가 모두 0.5에 머뭅니다. 이어서 해결 프리셋을 불러오면 D(x)가 먼저 D(G(z))보다 올라가고, 가짜가 데이터에 닿으면서 둘이 다시 가까워집니다.',
    question:
      '두 실행 모두 D(x) ≈ D(G(z)) ≈ 0.5입니다. 한쪽은 가짜가 링을 덮고, 다른 쪽은 그렇지 않습니다. 어느 쪽 판별자가 최적일까요?',
    answer:
      '첫째입니다. p_g = p_data이면 어디서나 D* = ½입니다. 둘째에는 더 좋은 판별자(링 위에서 1 가까이, 가짜 위에서 0 가까이)가 있으니 판별자가 약한 것이지 최적인 것이 아닙니다. 판별자의 손실로는 구별할 수 없습니다. 두 경우 모두 log 4입니다.',
    noteOnNotes:
      '노트에는 D*가 없어서 “판별자가 ½을 낸다”를 “판별자가 고장 났다”로 읽기 쉽습니다. Goodfellow 외(2014)는 게임의 전역 최적이 p_g = p_data이고 그때 D* = ½임을 보였습니다. 다만 매 단계 판별자가 D*에 도달한다고 가정하는데, 몇 번의 경사 단계는 이를 근사할 뿐입니다.',
  },
  nonConvergence: {
    title: '비수렴',
    text: [
      '각 신경망은 상대가 움직이는 동안 자기 손실로 경사 단계를 밟습니다. 가장 단순한 게임에서도 문제가 보입니다. V(x, y) = xy에서 x는 최소화하고 y는 최대화합니다. 균형은 (0, 0)이지만, 동시에 밟는 경사 단계는 그 둘레를 돌며 바깥으로 나선을 그립니다. 한 단계마다 x² + y²에 1 + η²가 곱해집니다.',
      'GAN에서는 손실이 출렁이고 샘플이 자리를 잡지 못하는 모습으로 나타납니다. 단계를 줄이고 모멘텀을 낮추면 출렁임이 줄지만, 동역학의 성질 자체가 바뀌지는 않습니다.',
    ],
    lookAt:
      '진동 프리셋을 불러오세요. 손실 곡선이 오르내리고 샘플이 이리저리 뜁니다. 해결 프리셋(학습률 0.001, β1 = 0.5)에서는 손실이 좁은 띠 안으로 가라앉습니다.',
    question: 'V(x, y) = xy에서 동시에 단계를 밟을 때, 학습률 η를 줄이면 수렴할까요?',
    answer:
      '아닙니다. 한 단계마다 x² + y²에 1 + η²가 곱해지는데, η > 0이면 이 값은 1보다 큽니다. η를 줄이면 더 천천히 바깥으로 돌 뿐입니다. 반복값을 평균하거나 extragradient 같은 방법을 쓰면 이 게임에서도 수렴합니다.',
    noteOnNotes:
      '노트는 특징 공간이 볼록할 때만 경사하강법이 내쉬 균형을 보장한다고 합니다. 특징 공간이 아니라 게임의 문제입니다. V가 생성자의 매개변수에 대해 볼록하고 판별자의 매개변수에 대해 오목한지가 중요합니다. 그리고 그렇더라도 단순히 동시에 밟는 단계는 수렴이 보장되지 않습니다. V(x, y) = xy는 볼록–오목한데도 바깥으로 돕니다.',
  },
  modeCollapse: {
    title: '모드 붕괴',
    text: [
      '판별자가 고정되어 있다면, 생성자에게 가장 좋은 수는 모든 z를 판별자가 가장 진짜라고 여기는 한 점으로 보내는 것입니다. 생성자의 손실에는 다양성에 주는 보상이 없습니다. 판별자가 따라잡아 그 점을 거부하면 생성자는 다음 점으로 건너뜁니다. 샘플은 모든 모드를 덮는 대신 모드에서 모드로 옮겨 다닙니다.',
      '판별자가 너무 강하거나 너무 자주 갱신되면 더 심해집니다. 생성자가 판별자가 아직 거부하지 못한 한 곳만 계속 쫓기 때문입니다.',
    ],
    lookAt:
      '모드 붕괴 프리셋을 불러오세요. 생성된 점이 링의 여덟 모드 중 하나에 모이고 “덮은 모드”가 1에 머뭅니다. 해결 프리셋(생성자 한 단계당 판별자 한 단계, 같은 학습률)에서는 샘플이 (더 천천히) 링 전체로 퍼집니다.',
    question: '강한 판별자를 상대하는 생성자는 왜 샘플을 퍼뜨리지 않고 한 모드에 모두 둘까요?',
    answer:
      '생성자는 샘플 하나하나로 점수를 받습니다. 각 z는 지금의 판별자가 가장 잘 속는 곳으로 밀리고, 그곳은 한 군데입니다. 생성자의 샘플끼리 비교하는 항이 없으니 같아져도 벌점이 없습니다.',
    noteOnNotes:
      '노트는 생성자가 극소값에 빠진다고 합니다. 고정된 손실의 극소값은 아닙니다. 판별자가 바뀔 때마다 생성자의 손실도 바뀝니다. 붕괴는 골짜기에 머무는 것이 아니라, 생성자가 판별자의 지금 가장 약한 곳을 쫓다가 판별자가 바뀌면 옮겨 가는 현상입니다.',
  },
  vanishingGradients: {
    title: '기울기 소멸과 비포화 손실',
    text: [
      '노트의 생성자 손실 log(1 − D(G(z)))에서 생성자는 D(G(z))가 클수록 빨리 배웁니다. 판별자의 로짓 ℓ(D = σ(ℓ))에서 기울기가 −D(G(z))이기 때문입니다. 판별자가 가짜를 확신을 가지고 거부하면 D(G(z)) → 0이 되고 생성자의 기울기도 함께 사라집니다.',
      '비포화 손실 −log D(G(z))는 고정점은 같지만 기울기가 −(1 − D(G(z)))여서, 생성자가 가장 못할 때 가장 큽니다. Goodfellow 외가 첫 GAN 논문에서 바로 이 이유로 제안했습니다.',
    ],
    lookAt:
      '기울기 소멸 프리셋을 불러오세요. 로그 눈금 기울기 그래프에서 생성자의 기울기가 몇 자릿수나 떨어지고 기울기 소멸 카드가 나타납니다. 해결 프리셋은 똑같이 불리하게 시작하지만 기울기가 1 가까이 유지됩니다.',
    question: 'D(G(z)) = 0.01입니다. 각 손실에서 판별자의 로짓에 대한 생성자의 기울기는 얼마일까요?',
    answer: '포화 손실: |∂L_G/∂ℓ| = D(G(z)) = 0.01. 비포화 손실: 1 − D(G(z)) = 0.99로 약 백 배 큽니다.',
    noteOnNotes:
      '노트는 이 실패에서 생성자의 손실이 0으로 수렴하고 판별자의 손실이 우상향한다고 합니다. 포화 손실의 생성자 손실은 (아래에서) 0으로 올라가는 것이 맞지만, 판별자의 손실은 0을 향해 내려갑니다. 판별자가 이기고 있기 때문입니다. 비포화 손실이라면 올라가는 쪽은 생성자의 손실입니다.',
  },
  lsgan: {
    title: 'LSGAN: 라벨 a, b, c',
    text: [
      'LSGAN은 로그 손실을 제곱으로 바꿉니다. 판별자는 진짜에 b, 가짜에 a를 내도록 학습하고, 생성자는 판별자가 자기 가짜에 c를 내기를 바랍니다. 판별자의 결정 경계 옳은 쪽에 있지만 데이터에서 먼 가짜도 (D(G(z)) − c)²만큼 벌점을 받으므로 여전히 기울기가 있습니다.',
      '흔히 두 가지 설정을 씁니다. a = 0, b = c = 1(생성자는 가짜가 진짜로 분류되기를 바람) 또는 a = −1, b = 1, c = 0. 후자는 b − c = 1, b − a = 2이므로 게임이 피어슨 χ² 발산을 최소화합니다 (Mao 외 2017).',
    ],
    lookAt:
      'GAN 쪽을 먼저 불러오세요. 강한 판별자를 상대하는 포화 손실은 기울기를 잃습니다. 이어서 같은 링의 LSGAN을 불러오면 기울기 2|D(G(z)) − c|가 사라지지 않고 생성자가 링을 덮습니다.',
    question:
      'a = 0, b = 1, c = 1일 때 생성자는 D(G(z))를 어디로 밀고, 판별자가 0점을 준 가짜는 어떤 기울기를 받을까요?',
    answer:
      '진짜 데이터의 라벨인 c = 1 쪽으로 밉니다. 점수가 0이면 기울기 2(D(G(z)) − c) = −2로 큽니다. 가짜가 생성자가 바라는 곳에서 멀기 때문입니다.',
    noteOnNotes:
      '노트는 a, b를 진짜와 가짜 데이터의 라벨이라고 이 순서로 말하지만, 노트의 수식은 진짜에 b, 가짜에 a를 씁니다. 논문은 각 항 앞에 ½도 붙이는데, 손실의 크기만 바꿉니다.',
  },
  dcgan: {
    title: 'DCGAN과 전치 합성곱',
    text: [
      'DCGAN은 두 신경망을 합성곱으로 만듭니다. 판별자는 보폭 2 합성곱으로 이미지를 줄이고, 생성자는 전치 합성곱으로 잡음을 이미지로 키웁니다. Radford 외는 학습을 가능하게 한 규칙을 꼽았습니다. 풀링 대신 보폭 있는 합성곱, 생성자의 출력과 판별자의 입력을 뺀 곳의 배치 정규화, 완전 연결 은닉층 없음, 생성자는 ReLU에 출력은 tanh, 판별자는 LeakyReLU.',
      '합성곱은 행렬의 곱 y = Cx입니다. 전치 합성곱은 Cᵀ를 곱합니다. 입력의 각 셀이 더 큰 특징도의 한 영역에 필터를 찍습니다. 같은 연산을 “분수 보폭” 합성곱으로도 볼 수 있습니다. 입력 사이에 0을 넣어 펼치고, 둘레를 덧댄 뒤, 뒤집은 필터로 합성곱합니다.',
    ],
    lookAt:
      '전치 합성곱 탭에서 도장 찍기(Cᵀ·y)와 분수 보폭 밀기를 한 단계씩 따라가 보세요. 둘은 같은 숫자를 내고 TensorFlow.js도 같은 답을 냅니다. 체커보드 예시는 왜 보폭 2에 필터 4를 흔히 쓰는지 보여 줍니다. 그다음 MNIST DCGAN을 불러오세요. 이런 층 두 개가 생성자의 7×7 특징도를 샘플 격자의 28×28 숫자로 키웁니다.',
    question: '7×7 특징도가 k = 4, s = 2, p = 1인 전치 합성곱을 지나면 크기가 얼마가 될까요?',
    answer: 'n = (o − 1)·s − 2p + k = 6·2 − 2 + 4 = 14입니다. 같은 층을 한 번 더 지나면 MNIST 크기인 28이 됩니다.',
    noteOnNotes:
      '노트는 판별자가 “2보다 큰” 보폭을 쓴다고 하지만, 2 이상입니다 (DCGAN은 2를 씁니다). 배치 정규화는 두 신경망에 넣되 생성자의 출력층과 판별자의 입력층은 뺍니다. LeakyReLU도 판별자의 모든 은닉층에 쓰고 출력층에는 쓰지 않습니다. 그리고 Cᵀ는 모양을 되돌릴 뿐 값을 되돌리지 않습니다. 전치 합성곱은 합성곱의 역연산이 아닙니다.',
  },
  latentArithmetic: {
    title: '잠재 공간의 산술',
    text: [
      '생성자는 매끄러운 잡음 벡터 공간을 이미지로 보내므로, 그 공간의 방향이 의미를 가질 수 있습니다. Radford 외는 “웃는 여자”의 평균 잠재 벡터에서 “무표정한 여자”를 빼고 “무표정한 남자”를 더해 웃는 남자를 얻었습니다.',
      '잠재 벡터 하나에는 개념뿐 아니라 그 샘플만의 세부도 들어 있습니다. 개념마다 몇 개를 평균하면 공통된 부분은 남고 나머지는 상쇄됩니다.',
    ],
    lookAt:
      'MNIST 숫자를 불러와 수천 번 학습시킨 뒤, 그래프 아래의 잠재 공간 탐색기를 여세요. 샘플을 A, B, C 칸에 넣고(한 칸에 여러 개면 평균) A − B + C를 보세요.',
    question: 'A − B + C를 계산하기 전에 왜 개념마다 여러 잠재 벡터를 평균할까요?',
    answer:
      '잠재 벡터 하나는 개념과 상관없는 것(획 굵기, 기울기)도 담고 있습니다. 평균하면 샘플들이 공유하는 부분은 남고 나머지는 상쇄됩니다. 벡터 하나로 하면 결과가 불안정했습니다.',
    noteOnNotes:
      '노트는 “물론 잘 안 된다”고 합니다. 벡터 하나로는 믿기 어렵습니다. 그래서 DCGAN 논문은 개념마다 잠재 벡터 세 개를 평균했고, 그렇게 하자 얼굴 이미지에서 산술이 잘 통했습니다.',
  },
  wgan: {
    title: 'WGAN과 립시츠 조건',
    text: [
      '와서스타인 거리 W는 가짜의 분포를 데이터의 분포로 바꾸기 위해 질량이 옮겨 가야 하는 최소 평균 거리, 곧 가장 값싼 운송 계획의 비용입니다. 젠슨–섀넌 발산과 달리 두 분포가 겹치지 않아도 부드럽게 변하므로, 판별자가 완승할 상황에서도 생성자가 쓸모 있는 기울기를 받습니다.',
      '고차원에서 계획들을 모두 따져 계산할 수는 없지만, 쌍대 형태는 다룰 수 있습니다. W는 기울기가 1 이하인 함수 f에 대한 E[f(데이터)] − E[f(가짜)]의 최댓값입니다. 비평자 D_w가 f 역할을 하고 1-립시츠를 유지해야 합니다. WGAN은 모든 가중치를 [−c, c]로 자르는 거친 방법으로 이를 지킵니다.',
    ],
    lookAt:
      '가중치 제한 프리셋 세 개를 불러오세요. c = 0.001이면 비평자가 거의 상수가 되어 생성자의 기울기가 사라집니다. c = 10이면 비평자에 제약이 거의 없어 W 추정값과 생성자의 기울기가 폭주합니다. c = 0.1이면 둘 다 안정됩니다.',
    question: '가중치를 c로 자르면 비평자의 차이가 왜 W 자체가 아닐까요?',
    answer:
      '가중치 제한은 비평자를 어떤 K에 대해 K-립시츠로 만들 뿐이고, K는 1이 아니라 c와 층의 크기로 정해집니다. 그래서 차이는 많아야 K·W를 추정합니다. 그래도 그 배수만큼 W를 따라가므로 곡선을 지켜볼 가치가 있습니다.',
    noteOnNotes:
      '노트의 W = Σ γ(x, y)‖x − y‖는 계획 하나의 비용입니다. W는 주변 분포가 p_r과 p_g인 모든 계획 γ에 대한 그 비용의 하한(inf)입니다. γ는 y에서 x로 옮기는 질량의 양이지 샘플 사이의 차이가 아니고, ‖x − y‖는 점 사이의 거리입니다. 칸토로비치–루빈스타인 쌍대성은 KR ≤ W가 아니라 등식이며, 1/K는 K-립시츠 f가 K·W를 주기 때문에 붙습니다. 손실의 f_w(G_θ(x))는 f_w(G_θ(z))여야 합니다.',
  },
  wganGp: {
    title: 'WGAN-GP: 가중치 제한 대신 기울기 벌점',
    text: [
      'Gulrajani 외(2017)는 비평자의 립시츠 조건을 직접 다룹니다. 데이터와 가짜를 잇는 선 위의 무작위 점 x̂ = εx + (1 − ε)G(z)에서 비평자의 기울기 크기가 1과 다르면 벌점을 줍니다. 최적의 비평자는 바로 그 선들을 따라 기울기가 1입니다.',
      '가중치를 자르지 않으니 비평자가 표현력을 잃지 않습니다. 비평자에서는 배치 정규화를 빼야 합니다. 배치 정규화는 각 샘플의 출력이 배치에 따라 달라지게 하는데, 벌점은 샘플마다 매기기 때문입니다.',
    ],
    lookAt:
      '링의 WGAN-GP를 불러오세요. 반복 한 번이 더 느리지만(비평자 다섯 단계와 2차 기울기), 덮은 모드가 꾸준히 늘고 가짜가 데이터에 다가갈수록 W 추정값이 줄어듭니다.',
    question: '벌점을 왜 데이터 위에서만이 아니라 진짜와 가짜 사이의 점에서 매길까요?',
    answer:
      '생성자의 기울기는 가짜가 있는 곳과 데이터로 가는 길에서의 비평자 기울기에서 옵니다. 최적의 비평자는 둘을 잇는 선을 따라 기울기가 정확히 1이므로, 조건이 중요한 곳이 바로 거기입니다.',
    noteOnNotes:
      '노트는 가중치 제한에서 끝납니다. 이 수업은 노트 밖의 내용입니다. 벌점은 기울기가 1보다 클 때만이 아니라 양쪽으로 매기는 (‖∇D‖ − 1)²이고, Nash는 이때 DCGAN의 비평자를 배치 정규화 없이 만듭니다.',
  },
  cgan: {
    title: 'CGAN: 무엇을 만들지 고르기',
    text: [
      '조건부 GAN은 두 신경망 모두에 라벨 y를 줍니다. 생성자는 요청한 클래스의 샘플 G(z | y)를 그리고, 판별자는 쌍 (x, y)를 판정합니다. 이것이 클래스 y의 진짜 이미지인가?',
      '라벨은 원-핫 벡터로 잡음 뒤에 이어 붙이거나(Nash의 생성자), 학습된 사영을 거쳐 들어갑니다(Nash의 판별자).',
    ],
    lookAt:
      'MNIST의 CGAN을 불러와 500번쯤 학습시킨 뒤, 잠재 공간 탐색기에서 라벨을 고르세요. 모든 샘플이 그 숫자가 되고, 잡음은 여전히 글씨체를 바꿉니다.',
    question: '왜 생성자뿐 아니라 판별자도 라벨을 봐야 할까요?',
    answer:
      '판별자가 이미지만 본다면 생성자는 y를 무시하고 아무 그럴듯한 숫자로나 속일 수 있습니다. 쌍 (x, y)를 판정하면 7이라는 라벨이 붙은 진짜 “3”은 가짜로 판정됩니다.',
    noteOnNotes:
      '노트는 판별자를 특정 라벨의 데이터만으로 학습시킨다고 합니다. 모든 라벨의 데이터로, 각 이미지를 자기 라벨과 함께 학습시키며, 판별자는 그 쌍이 진짜인지를 배웁니다. 숫자인 라벨을 실수인 잡음에 그대로 붙이느냐는 노트의 질문에 답하자면, 먼저 원-핫 벡터로(또는 임베딩으로) 바꿉니다.',
  },
  infogan: {
    title: 'InfoGAN: 의미를 갖는 코드',
    text: [
      'InfoGAN은 생성자의 입력을 잡음 z와 코드 c(범주형과 연속형)로 나누고, 이미지에서 c를 다시 읽어 낼 수 있기를 요구합니다. Q 헤드가 G(z, c)에서 c를 예측하고, 생성자와 Q는 코드와 이미지 사이 상호 정보량의 하한인 λ·L_I로 보상받습니다.',
      'Q가 맞히도록 돕기 위해 생성자는 c를 이미지에 드러내야 합니다. 라벨이 없어도 범주형 코드는 숫자의 종류를, 연속형 코드는 기울기나 굵기를 맡게 되는 일이 많습니다.',
    ],
    lookAt:
      'MNIST InfoGAN을 불러와 2,000번 학습시키거나 (노트북 CPU에서 약 4분) ‘학습된 가중치로 시작’을 고르세요. 상호 정보량 그래프가 ln 10 쪽으로 오릅니다. 그다음 잠재 공간 탐색기를 열어 행들을 보세요. 한 노이즈 벡터를 범주형 코드의 값마다, 그리고 연속 코드마다 그 값을 따라 보여 줍니다.',
    question: 'Q는 무엇을 예측하고, 그것이 왜 c에 의미를 줄까요?',
    answer:
      'Q는 생성된 이미지에서 코드 c를 예측합니다. 생성자가 Q를 도울 방법은 c의 각 값이 이미지를 일관되게 바꾸도록 하는 것뿐이므로, c는 라벨 없이 찾아낸 데이터의 한 특징을 조절하게 됩니다.',
    noteOnNotes:
      '노트는 InfoGAN이 판별자를 건드리지 않는다고 합니다. 정확히는 그렇지 않습니다. Q는 판별자의 마지막 층을 뺀 모든 층을 함께 쓰고 작은 헤드만 따로 가지므로, 판별자의 몸통도 정보량 항으로 학습됩니다 (Chen 외 2016).',
  },
};
