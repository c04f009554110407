/**
 * What the core says about settings, worded: why a value, a live change or a whole configuration
 * was refused (src/gan/config.ts's Refusal), and what a live change did besides (trainer.ts's
 * UpdateNote). The page words them in its language; the CLI and the share panel's English messages
 * use `en`. English names each setting by its label and key, as the CLI and links spell them.
 */
import { type Allowed, LABELLED_DATASETS, type Refusal } from '../gan/config.ts';
import type { UpdateNote } from '../gan/trainer.ts';
import * as controls from './controls.ts';
import { fill } from './fill.ts';

export const en = {
  /** A value refused for a field: `{field}` is its label and key, `{why}` one of `why`, `{allowed}` what it takes. */
  badValue: '{field}: {why}; expected {allowed}',
  why: {
    notAllowed: '{value} is not allowed',
    notANumber: '{value} is not a number',
    notFinite: '{value} is not a finite number',
    notInteger: '{value} is not an integer',
    outOfRange: '{value} is out of range',
  },
  oneOf: 'one of {values}',
  integerRange: 'an integer from {min} to {max}',
  numberRange: 'a number from {min} to {max}',
  fieldName: '{label} ({key})',
  unknownSetting: '{key}: unknown setting',
  unknownSettings: '{count} unknown settings, e.g. {examples}',
  notSettings: 'configuration: expected an object of settings',
  needsReset: {
    changesModel: '{field} changes the model: press Reset to apply it',
    criticBatchNorm:
      '{field} adds or removes batch norm in DCGAN’s critic (none under WGAN-GP): press Reset to apply it',
  },
  conflict: {
    dcganNeedsImages: 'Architecture (architecture): dcgan needs an image dataset (mnist)',
    labelNeedsLabels: 'Conditioning (conditioning): label needs a labelled dataset ({datasets})',
    lsganLabelsEqual: 'LSGAN labels (lsganA, lsganB): a and b must differ, or D has nothing to separate',
  },
  optimizerReset: '{network} optimiser is now {optimizer}: its state starts from zero.',
  networks: { generator: 'Generator', discriminator: 'Discriminator' },
  list: ', ',
  fields: controls.en.fields,
  optimizers: controls.en.optimizers,
};

export const ko: typeof en = {
  badValue: '{field}: {why}. {allowed}',
  why: {
    notAllowed: '{value}은(는) 허용되지 않는 값입니다',
    notANumber: '{value}은(는) 숫자가 아닙니다',
    notFinite: '{value}은(는) 유한한 수가 아닙니다',
    notInteger: '{value}은(는) 정수가 아닙니다',
    outOfRange: '{value}은(는) 범위를 벗어났습니다',
  },
  oneOf: '{values} 중 하나여야 합니다',
  integerRange: '{min}에서 {max} 사이의 정수여야 합니다',
  numberRange: '{min}에서 {max} 사이의 수여야 합니다',
  fieldName: '{label} ({key})',
  unknownSetting: '{key}: 알 수 없는 설정입니다',
  unknownSettings: '알 수 없는 설정 {count}개 (예: {examples})',
  notSettings: '설정 묶음(객체)이 아닙니다',
  needsReset: {
    changesModel: '{field}은(는) 모델을 바꿉니다: 초기화를 눌러야 적용됩니다',
    criticBatchNorm:
      '{field}은(는) DCGAN 비평자에 배치 정규화를 더하거나 뺍니다 (WGAN-GP에는 없음): 초기화를 눌러야 적용됩니다',
  },
  conflict: {
    dcganNeedsImages: '구조 (architecture): DCGAN에는 이미지 데이터셋(mnist)이 필요합니다',
    labelNeedsLabels: '조건 (conditioning): 라벨 조건부에는 라벨이 있는 데이터셋({datasets})이 필요합니다',
    lsganLabelsEqual: 'LSGAN 라벨 (lsganA, lsganB): a와 b는 달라야 합니다. 같으면 D가 구분할 것이 없습니다',
  },
  optimizerReset: '{network} 최적화기가 이제 {optimizer}입니다: 상태가 0부터 다시 시작합니다.',
  networks: { generator: '생성자', discriminator: '판별자' },
  list: ', ',
  fields: controls.ko.fields,
  optimizers: controls.ko.optimizers,
};

type Strings = typeof en;

function allowedText(allowed: Allowed, t: Strings): string {
  if (allowed.kind === 'enum') return fill(t.oneOf, { values: allowed.values.join(t.list) });
  return fill(allowed.integer ? t.integerRange : t.numberRange, { min: allowed.min, max: allowed.max });
}

/** A setting by its label in the language, with its key as links and the CLI spell it. */
const fieldName = (key: Refusal['field'], t: Strings) =>
  fill(t.fieldName, { label: Object.hasOwn(t.fields, key) ? t.fields[key as keyof Strings['fields']] : key, key });

/** Why a setting or a configuration was refused, in one sentence. */
export function describeRefusal(refusal: Refusal, t: Strings): string {
  switch (refusal.code) {
    case 'notAllowed':
    case 'notANumber':
    case 'notFinite':
    case 'notInteger':
    case 'outOfRange':
      return fill(t.badValue, {
        field: fieldName(refusal.field, t),
        why: fill(t.why[refusal.code], { value: refusal.value }),
        allowed: allowedText(refusal.allowed, t),
      });
    case 'unknownSetting':
      return fill(t.unknownSetting, { key: refusal.field });
    case 'unknownSettings':
      return fill(t.unknownSettings, {
        count: refusal.count.toLocaleString('en'),
        examples: refusal.examples.join(t.list),
      });
    case 'notSettings':
      return t.notSettings;
    case 'needsReset':
      return fill(t.needsReset[refusal.why], { field: fieldName(refusal.field, t) });
    case 'conflict':
      return fill(t.conflict[refusal.conflict], { datasets: LABELLED_DATASETS.join(t.list) });
  }
}

/** Several refusals as one text (a CLI line, a link's or a saved run's settings). */
export function describeRefusals(refusals: readonly Refusal[], t: Strings): string {
  return refusals.map((refusal) => describeRefusal(refusal, t)).join('; ');
}

/** What a live change did besides applying. */
export function describeUpdateNote(note: UpdateNote, t: Strings): string {
  switch (note.code) {
    case 'optimizerReset':
      return fill(t.optimizerReset, { network: t.networks[note.network], optimizer: t.optimizers[note.optimizer] });
  }
}
