/** The objective card: the chosen loss in the course's notation, with the live values of its constants. */
import * as objectives from './objectives.ts';

export const en = {
  region: 'Objective',
  discriminator: 'Discriminator loss',
  critic: 'Critic loss',
  generator: 'Generator loss',
  information: 'InfoGAN adds to both losses, with L_I = H(c) − CE(c, Q(c|x)):',
  conditioned: 'CGAN: G and D also receive the label y: G(z, y), D(x, y).',
  /** Each objective's note and the label of its extra formula (objectives.ts). */
  notes: objectives.pick(objectives.en, 'note'),
  extras: objectives.pick(objectives.en, 'extra'),
};

export const ko: typeof en = {
  region: '손실함수',
  discriminator: '판별자 손실',
  critic: '비평자 손실',
  generator: '생성자 손실',
  information: 'InfoGAN은 두 손실 모두에 더합니다. L_I = H(c) − CE(c, Q(c|x)):',
  conditioned: 'CGAN: 생성자와 판별자가 라벨 y도 받습니다: G(z, y), D(x, y).',
  notes: objectives.pick(objectives.ko, 'note'),
  extras: objectives.pick(objectives.ko, 'extra'),
};
