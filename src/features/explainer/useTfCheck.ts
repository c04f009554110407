import { useEffect, useState } from 'react';
import type { ConvSettings } from './convMatrix.ts';
import { compareWithTf, type TfComparison, type TfModule } from './tfCheck.ts';

export type TfCheckState =
  | { readonly status: 'checking' }
  | { readonly status: 'done'; readonly comparison: TfComparison }
  /** `message`: the error's own text; absent when the cpu backend would not start (the page words that). */
  | { readonly status: 'failed'; readonly message?: string };

let loading: Promise<TfModule> | undefined;

/** The cpu backend refused to start: a case the page words itself, unlike errors from tfjs. */
class CpuBackendRefused extends Error {}

/**
 * tfjs-core and its cpu backend, loaded on first use: they are a separate chunk, so the playground
 * tab never downloads them for the main thread. This is the one place the main thread holds
 * tensors (DESIGN.md keeps training in the worker); the cpu backend is exact, tiny here and needs
 * no GPU context that could compete with the worker's.
 */
function loadTf(): Promise<TfModule> {
  loading ??= Promise.all([import('../../gan/tf.ts'), import('@tensorflow/tfjs-backend-cpu')]).then(async ([tf]) => {
    if (!(await tf.setBackend('cpu'))) throw new CpuBackendRefused();
    await tf.ready();
    return tf;
  });
  return loading;
}

interface CheckInputs {
  readonly settings: ConvSettings;
  readonly kernel: readonly number[];
  readonly x: ArrayLike<number>;
  readonly y: ArrayLike<number>;
  readonly convolution: ArrayLike<number>;
  readonly transposed: ArrayLike<number>;
  readonly fractional: ArrayLike<number>;
}

/** Re-runs the comparison whenever the inputs change; a stale answer never overwrites a newer one. */
export function useTfCheck(inputs: CheckInputs): TfCheckState {
  const [state, setState] = useState<TfCheckState>({ status: 'checking' });
  useEffect(() => {
    let current = true;
    setState({ status: 'checking' });
    const { settings, kernel, x, y, convolution, transposed, fractional } = inputs;
    loadTf()
      .then((tf) => compareWithTf(tf, settings, kernel, x, y, { convolution, transposed, fractional }))
      .then(
        (comparison) => current && setState({ status: 'done', comparison }),
        (error: unknown) =>
          current &&
          setState({ status: 'failed', message: error instanceof CpuBackendRefused ? undefined : String(error) }),
      );
    return () => {
      current = false;
    };
  }, [inputs]);
  return state;
}
