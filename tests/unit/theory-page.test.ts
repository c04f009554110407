/**
 * What the page does with the theory (src/gan/theory): the run's history of JS, V(D, G) and the
 * Lipschitz constant in TrainingState (one point per plane, cleared on a new run, cut back on a
 * rollback), and the heatmap's field for D, D* and D − D*.
 */
import { describe, expect, test } from 'vitest';
import { initialTraining, reduceTraining, resetTraining } from '../../src/client/trainingState.ts';
import { heatField } from '../../src/features/plane2d/draw.ts';
import { defaultConfig } from '../../src/gan/config.ts';
import type { TheoryView } from '../../src/gan/theory/theory.ts';
import * as theoryTexts from '../../src/i18n/theoryTexts.ts';
import type { PlaneEvent } from '../../src/worker/protocol.ts';

const floats = (values: number[]) => Float32Array.from(values);

function plane(
  iteration: number,
  theory?: Partial<TheoryView>,
  output: PlaneEvent['output'] = 'probability',
): PlaneEvent {
  return {
    type: 'plane',
    iteration,
    radius: 3,
    resolution: 2,
    discriminator: floats([0.5, 0.9, 0.1, 0.3]),
    output,
    real: floats([]),
    fake: floats([]),
    descent: floats([]),
    manifold: floats([]),
    latticeRows: 0,
    latticeCols: 0,
    theory: theory && { bandwidth: 0.3, optimal: floats([0.5, 0.5, 0.6, 0.3]), jensenShannon: 0.2, ...theory },
  };
}

describe('the theory history', () => {
  test('one point per plane with theory; a re-sent plane replaces its iteration; a new run starts empty', () => {
    let s = initialTraining(defaultConfig(), 'auto');
    s = reduceTraining(s, plane(10, { value: -1.2 }));
    s = reduceTraining(s, plane(20, { jensenShannon: 0.1, value: -1.3 }));
    s = reduceTraining(s, plane(20, { jensenShannon: 0.12, value: -1.31 }));
    s = reduceTraining(s, plane(30));
    expect(s.theory.map((p) => [p.iteration, p.jensenShannon, p.value])).toEqual([
      [10, 0.2, -1.2],
      [20, 0.12, -1.31],
    ]);
    expect(Number.isNaN(s.theory[0].lipschitz)).toBe(true);
    expect(resetTraining(s, defaultConfig(), 'auto').theory).toEqual([]);
  });

  test('a rollback keeps the points up to the restored iteration', () => {
    let s = initialTraining(defaultConfig(), 'auto');
    for (const iteration of [10, 20, 30]) s = reduceTraining(s, plane(iteration, { lipschitz: 1.5 }));
    s = reduceTraining(s, {
      type: 'diverged',
      report: {
        restoredIteration: 20,
        noticedAt: 30,
        networks: ['generator'],
        fields: ['gLoss'],
        advice: [],
        reset: [],
      },
    });
    expect(s.theory.map((p) => p.iteration)).toEqual([10, 20]);
  });
});

describe('the heatmap field', () => {
  test('D as read, D* as a probability, D − D* mapped onto 0 … 1 with 0 at ½', () => {
    const p = plane(1, {});
    expect(heatField(p, 'discriminator')).toBe(p);
    expect(Array.from(heatField(p, 'optimal').discriminator)).toEqual(Array.from(p.theory!.optimal));
    const difference = Array.from(heatField(p, 'difference').discriminator);
    [0, 0.4, -0.5, 0].forEach((d, i) => expect(difference[i]).toBeCloseTo((d + 1) / 2, 6));
  });

  test('a critic’s score has no D − D*: D* is shown; a plane without theory shows D', () => {
    const score = plane(1, {}, 'score');
    expect(heatField(score, 'difference')).toEqual({ discriminator: score.theory!.optimal, output: 'probability' });
    const bare = plane(1);
    expect(heatField(bare, 'optimal')).toBe(bare);
  });
});

describe('the theory’s sentences (theoryTexts.ts, outside the page’s string table)', () => {
  test('every one is there in English and Korean, none empty, and the D* caption says what D = ½ means', () => {
    const said = (words: typeof theoryTexts.en) =>
      Object.values(words).map((value) => (typeof value === 'function' ? value('0.1', '0.2') : value));
    expect(Object.keys(theoryTexts.ko).sort()).toEqual(Object.keys(theoryTexts.en).sort());
    for (const language of ['en', 'ko'] as const)
      for (const text of said(theoryTexts[language])) expect(text.trim().length).toBeGreaterThan(10);
    expect(theoryTexts.en.optimalCaption).toContain('D = ½ everywhere is D* at equilibrium');
    expect(theoryTexts.ko.optimalCaption).toContain('D = ½');
  });
});
