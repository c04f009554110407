/**
 * Runs exported PyTorch scripts for the unit tests (pytorch-export, pytorch-roundtrip, pytorch-ddp)
 * with Debian's python3-torch (.ci/run installs it): each script is written to a temp dir, run with
 * /usr/bin/python3 (not a pyenv shim, which may lack torch) on one thread, as the 2-core CI machines
 * are shared, with torch's arithmetic pinned (scripts/node/torch.ts: a seeded run reads the same on any
 * CI machine), and its printed JSON lines parsed.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import type { RunConfig } from '../../src/gan/config.ts';
import { exportPyTorch } from '../../src/features/share/pytorch.ts';
import { torchEnvironment } from '../../scripts/node/torch.ts';

export const PYTHON = process.env.NASH_PYTHON ?? '/usr/bin/python3';
const probe = spawnSync(PYTHON, ['-c', 'import torch'], { encoding: 'utf8' });
/** Why the scripts cannot run here, or undefined when they can. */
export const torchMissing =
  probe.status === 0
    ? undefined
    : `${PYTHON} cannot import torch (${(probe.stderr || String(probe.error)).trim().split('\n').at(-1)}): apt-get install -y python3-torch`;
if (torchMissing) console.warn(`Skipping the PyTorch runs: ${torchMissing}`);

export const MNIST_BINARY = resolve('public/data/mnist.bin');
export const directory = mkdtempSync(join(tmpdir(), 'nash-pytorch-'));

export function script(config: RunConfig): { script: string; filename: string } {
  const result = exportPyTorch(config);
  if (!result.ok) throw new Error(`export refused: ${result.refusal}`);
  return result;
}

/** Writes a configuration's script into `directory` and returns its path. */
export function writeScript(config: RunConfig): string {
  const { script: text, filename } = script(config);
  const path = join(directory, filename);
  writeFileSync(path, text);
  return path;
}

/** Runs `command` (python3 path args, or a launcher) and returns its stdout's JSON lines; throws with stderr when it fails. */
export function runJson(command: string, args: string[], timeout = 240_000): unknown[] {
  const child = spawnSync(command, args, {
    encoding: 'utf8',
    env: torchEnvironment(),
    timeout,
  });
  if (child.status !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${child.status}: ${child.stderr}`);
  return child.stdout
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as unknown);
}
