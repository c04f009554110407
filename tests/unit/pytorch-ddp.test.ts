/**
 * The exported script past one machine (issue 17): under torchrun it trains data-parallel
 * (DistributedDataParallel over gloo on CPUs), each rank on its own batches, rank 0 writing the
 * weights; both ranks end with the same parameters. Debian's torch 1.13 on Python 3.11 cannot parse
 * torchrun's default --redirects/--tee value "0" (Python 3.11's IntFlag leaves the zero member out
 * of iteration), so the test passes "1": rank outputs are teed, each line prefixed "[default<rank>]:".
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { defaultConfig } from '../../src/gan/config.ts';
import { decodeWeightsFile } from '../../src/features/share/pytorchWeights.ts';
import { MNIST_BINARY, PYTHON, torchMissing, writeScript } from './pytorch-run.ts';
import { torchEnvironment } from '../../scripts/node/torch.ts';

/** torchrun beside Debian's python3, or the same launcher as a module. */
const TORCHRUN = join(dirname(PYTHON), 'torchrun');
const launcher = existsSync(TORCHRUN) ? [TORCHRUN] : [PYTHON, '-m', 'torch.distributed.run'];

describe.skipIf(torchMissing)('torchrun --nproc_per_node 2 (gloo on CPU)', () => {
  test('an MNIST CGAN DCGAN (batch norm, a projection D) trains on two ranks that agree on every parameter', () => {
    const config = {
      ...defaultConfig(),
      dataset: 'mnist' as const,
      architecture: 'dcgan' as const,
      conditioning: 'label' as const,
      latentSize: 16,
      batchSize: 16,
      channels: 8,
    };
    const path = writeScript(config);
    const weights = path.replace(/\.py$/, '.weights.json');
    const [command, ...prefix] = launcher;
    const child = spawnSync(
      command,
      [
        ...prefix,
        '--nproc_per_node',
        '2',
        '--redirects',
        '1',
        '--tee',
        '1',
        '--monitor_interval',
        '0.2',
        // Off torchrun's default 29500, so two checkouts testing side by side do not meet.
        '--master_port',
        String(29_500 + 1 + (process.pid % 2_000)),
        path,
        '--steps',
        '4',
        '--log-every',
        '2',
        '--mnist',
        MNIST_BINARY,
        '--weights',
        weights,
      ],
      // One thread per rank.
      { encoding: 'utf8', env: torchEnvironment(), timeout: 120_000 },
    );
    expect(child.status, child.stderr).toBe(0);
    const lines = child.stdout
      .split('\n')
      .map((line) => /^\[default(\d+)\]:(\{.*\})$/.exec(line.trim()))
      .filter((match) => match !== null)
      .map((match) => ({ rank: Number(match[1]), json: JSON.parse(match[2]) as Record<string, unknown> }));
    // Rank 0 alone prints the progress and the summary.
    expect(lines.filter((l) => 'iteration' in l.json).map((l) => [l.rank, l.json.iteration])).toEqual([
      [0, 2],
      [0, 4],
    ]);
    const summary = lines.find((l) => l.json.done === true);
    expect(summary?.rank).toBe(0);
    expect(summary?.json.weights).toBe(weights);
    // Each rank hashes its parameters: one hash, one model.
    const hashes = lines.filter((l) => 'parameterSha256' in l.json);
    expect(hashes.map((l) => l.json.rank).sort()).toEqual([0, 1]);
    expect(hashes.map((l) => l.rank)).toEqual(hashes.map((l) => l.json.rank));
    expect(hashes[0].json.parameterSha256).toMatch(/^[0-9a-f]{64}$/);
    expect(hashes[1].json.parameterSha256).toBe(hashes[0].json.parameterSha256);
    // Rank 0's weights file is one Nash reads.
    const read = decodeWeightsFile(readFileSync(weights, 'utf8'));
    expect(read.ok && read.weights.iteration).toBe(4);
  });
});
