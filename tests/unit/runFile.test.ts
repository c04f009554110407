import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/gan/config.ts';
import { STAT_FIELDS, type StatPoint } from '../../src/gan/stats.ts';
import { decodeRunFile, encodeRunFile, fromStored, type SavedRun, statsCsv, toStored } from '../../src/features/share/runFile.ts';
import { SNAPSHOT_VERSION } from '../../src/worker/snapshot.ts';

const point = (iteration: number, gLoss: number): StatPoint => ({ ...Object.fromEntries(STAT_FIELDS.map((f) => [f, 0.5])), iteration, gLoss } as StatPoint);

const run: SavedRun = {
  snapshot: {
    version: SNAPSHOT_VERSION,
    config: { ...defaultConfig(), seed: 12 },
    iteration: 40,
    optimizerSteps: { generator: 40, discriminator: 80 },
    tensors: [
      { name: 'generator.0', shape: [2, 3], values: new Float32Array([1, -2, 3.5, 1e-8, -0, 7]) },
      { name: 'generator.1', shape: [3], values: new Float32Array([0.1, 0.2, 0.3]) },
    ],
  },
  stats: [point(39, 0.7), point(40, Number.NaN)],
};

describe('a run as a file', () => {
  test('round-trips exactly through JSON, NaN included', () => {
    const decoded = decodeRunFile(encodeRunFile(run));
    expect(decoded).toEqual({ ok: true, run });
  });

  test('round-trips through the stored form', () => {
    expect(fromStored(structuredClone(toStored(run)))).toEqual({ ok: true, run });
  });

  test.each([
    ['not JSON', () => '{', /not JSON/],
    ['another kind of file', () => JSON.stringify({ kind: 'model' }), /not a Nash run file/],
    ['a bad setting', () => encodeRunFile({ ...run, snapshot: { ...run.snapshot, config: { ...run.snapshot.config, batchSize: 0 } } }), /settings are not valid/],
    ['truncated weights', () => encodeRunFile(run).replace(/"data":"[^"]{8}/, '"data":"'), /does not hold the 6 values/],
    ['a missing iteration', () => encodeRunFile(run).replace('"iteration":40,', ''), /iteration is not a count/],
    ['a broken chart', () => encodeRunFile(run).replace('"gLoss":0.7', '"gLoss":"high"'), /gLoss is not a number/],
  ])('refuses %s with its reason', (_, text, reason) => {
    const decoded = decodeRunFile(text());
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(reason);
  });

  test('chart data as CSV: a header of every signal, one row per iteration, empty where a network did not step', () => {
    const lines = statsCsv(run.stats).trim().split('\n');
    expect(lines[0]).toBe(['iteration', ...STAT_FIELDS].join(','));
    expect(lines).toHaveLength(3);
    const last = lines[2].split(',');
    expect(last[0]).toBe('40');
    expect(last[1 + STAT_FIELDS.indexOf('gLoss')]).toBe('');
    expect(Number(lines[1].split(',')[1 + STAT_FIELDS.indexOf('gLoss')])).toBe(0.7);
  });
});
