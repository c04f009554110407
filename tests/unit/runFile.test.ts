import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/gan/config.ts';
import { STAT_FIELDS, type StatPoint } from '../../src/gan/stats.ts';
import { decodeRunFile, encodeRunFile, fromStored, MAX_RUN_FILE_BYTES, runFileSizeProblem, type SavedRun, statsCsv, toStored } from '../../src/features/share/runFile.ts';
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
    ['an empty file', () => '  \n', /it is empty/],
    ['a JSON list', () => '[1, 2, 3]', /not a Nash run file/],
    ['JSON null', () => 'null', /not a Nash run file/],
    ['a later file version', () => encodeRunFile(run).replace('"version":1', '"version":2'), /version 2 run file; this version reads 1/],
    ['a file version that is not a number', () => encodeRunFile(run).replace('"version":1', `"version":"${'x'.repeat(500)}"`), /version x{40}… run file/],
    ['another snapshot format', () => encodeRunFile(run).replace(`"snapshotVersion":${SNAPSHOT_VERSION}`, '"snapshotVersion":99'), /saved in format 99/],
    ['weights that are not a list', () => encodeRunFile(run).replace(/"tensors":\[.*\]/, '"tensors":{"generator.0":1}'), /holds no weights/],
    ['a weight without a name', () => encodeRunFile(run).replace('"name":"generator.0",', ''), /a weight has no name/],
    ['a weight with a negative shape', () => encodeRunFile(run).replace('"shape":[2,3]', '"shape":[-2,-3]'), /generator\.0 has no valid shape/],
    ['weights that are not base64', () => encodeRunFile(run).replace(/"data":"[^"]+"/, '"data":"!!!!"'), /does not hold the 6 values/],
    ['settings that are missing', () => encodeRunFile(run).replace(/"config":\{[^}]*\},/, ''), /settings are not valid/],
    ['a chart history that is not a list', () => encodeRunFile(run).replace(/"stats":\[.*\],"tensors"/, '"stats":"lots","tensors"'), /chart history is not a list/],
  ])('refuses %s with its reason', (_, text, reason) => {
    const decoded = decodeRunFile(text());
    expect(decoded.ok).toBe(false);
    if (!decoded.ok) expect(decoded.error).toMatch(reason);
  });

  test('a file is refused by its size before it is read: empty, or over the 128 MiB limit', () => {
    expect(MAX_RUN_FILE_BYTES).toBe(128 * 1024 * 1024);
    // A real saved run is far below the limit (this one's file is a few hundred bytes; an MNIST DCGAN run about 2 MB).
    expect(encodeRunFile(run).length).toBeLessThan(MAX_RUN_FILE_BYTES / 1000);
    expect(runFileSizeProblem(encodeRunFile(run).length)).toBeUndefined();
    expect(runFileSizeProblem(MAX_RUN_FILE_BYTES)).toBeUndefined();
    expect(runFileSizeProblem(MAX_RUN_FILE_BYTES + 1)).toBe('it is 128.0 MB, more than the 128.0 MB a run file may be');
    expect(runFileSizeProblem(2 * 1024 ** 3)).toMatch(/^it is 2048\.0 MB, more than/);
    expect(runFileSizeProblem(0)).toBe('it is empty');
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
