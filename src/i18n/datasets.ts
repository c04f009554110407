/**
 * Each dataset's name in the dataset menu, keyed by its id (src/gan/data/modules.ts). A new dataset
 * adds its entry here, in both languages; the settings panel reads them through controls.ts.
 */
import type { DatasetId } from '../gan/config.ts';

export const en: Record<DatasetId, string> = {
  ring: '8 Gaussians (ring)',
  grid: '5×5 grid',
  spiral: 'Spiral',
  moons: 'Two moons',
  line: 'Line',
  gaussian: 'One Gaussian',
  checkerboard: 'Checkerboard',
  custom: 'Draw your own',
  mnist: 'MNIST digits',
};

export const ko: typeof en = {
  ring: '가우시안 8개 (고리)',
  grid: '5×5 격자',
  spiral: '나선',
  moons: '두 개의 반달',
  line: '직선',
  gaussian: '가우시안 1개',
  checkerboard: '체커보드',
  custom: '직접 그리기',
  mnist: 'MNIST 숫자',
};
