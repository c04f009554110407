/**
 * What an InfoGAN's continuous codes do to its digits, for the benchmarks that judge InfoGAN (infogan:
 * live training; models: the shipped model): each code's correlation with the digits' slant and width,
 * and a picture of the codes.
 */
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { RunConfig } from '../../../src/gan/config.ts';
import { sampleNoise } from '../../../src/gan/latent.ts';
import { createRng } from '../../../src/gan/rng.ts';
import type { Trainer } from '../../../src/gan/trainer.ts';
import { slant } from '../../../src/features/latent/rules.ts';

const SIDE = 28;
const CODE_VALUES = [-2, -1, 0, 1, 2];
/** The picture's pixels per generated pixel. */
const PICTURE_SCALE = 3;

/**
 * A digit's slant (latent/rules.ts, the measure the explorer's "leaning right" example sorts by: Δx
 * per row, + leaning right) and width (the ink's x standard deviation, pixels), pixels in [−1, 1].
 */
function shape(image: Float32Array, side = SIDE): { slant: number; width: number } {
  let mass = 0;
  let mx = 0;
  for (let i = 0; i < side * side; i++) {
    const ink = (image[i] + 1) / 2;
    mass += ink;
    mx += ink * (i % side);
  }
  if (mass === 0) return { slant: 0, width: 0 };
  mx /= mass;
  let xx = 0;
  for (let i = 0; i < side * side; i++) xx += ((image[i] + 1) / 2) * ((i % side) - mx) ** 2;
  return { slant: slant(image, side), width: Math.sqrt(xx / mass) };
}

function correlation(a: readonly number[], b: readonly number[]): number {
  const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const [ma, mb] = [mean(a), mean(b)];
  let ab = 0;
  let aa = 0;
  let bb = 0;
  a.forEach((x, i) => {
    ab += (x - ma) * (b[i] - mb);
    aa += (x - ma) ** 2;
    bb += (b[i] - mb) ** 2;
  });
  return aa && bb ? ab / Math.sqrt(aa * bb) : 0;
}

/** Per continuous code: the correlation of its value (−2…2) with the digits' slant and width. */
export async function continuousEffects(
  trainer: Trainer,
  config: RunConfig,
): Promise<{ slant: number; width: number }[]> {
  const n = 100;
  const noise = sampleNoise(createRng(config.seed, 'infogan-bench-codes'), n, config.latentSize, config.noise);
  const grid = trainer.conditioning.grid(n);
  return Promise.all(
    Array.from({ length: config.continuousCodes }, async (_, j) => {
      const values: number[] = [];
      const slants: number[] = [];
      const widths: number[] = [];
      for (const value of CODE_VALUES) {
        const continuous = new Float32Array(n * config.continuousCodes);
        for (let i = 0; i < n; i++) continuous[i * config.continuousCodes + j] = value;
        const images = await trainer.generate(noise, { labels: grid.labels, continuous });
        for (let i = 0; i < n; i++) {
          const { slant, width } = shape(images.subarray(i * SIDE * SIDE, (i + 1) * SIDE * SIDE));
          values.push(value);
          slants.push(slant);
          widths.push(width);
        }
      }
      return { slant: correlation(values, slants), width: correlation(values, widths) };
    }),
  );
}

/**
 * Writes the continuous codes' picture as a greyscale PNG: for code j, row k is
 * code value k with one noise vector, column v the code at CODE_VALUES[v], the others at 0. Makes
 * the file's folder if it is missing.
 */
export async function writeCodePicture(file: string, trainer: Trainer, config: RunConfig): Promise<void> {
  const rows = config.categories;
  const columns = CODE_VALUES.length;
  const gap = SIDE / 2;
  const blockWidth = columns * SIDE;
  const width = Math.max(1, config.continuousCodes) * (blockWidth + gap) - gap;
  const height = rows * SIDE;
  const pixels = new Uint8Array(width * height).fill(255);
  const noise = sampleNoise(createRng(config.seed, 'infogan-bench-picture'), rows, config.latentSize, config.noise);
  const latents = new Float32Array(rows * columns * config.latentSize);
  const labels = new Int32Array(rows * columns);
  for (let k = 0; k < rows; k++)
    for (let v = 0; v < columns; v++) {
      latents.set(
        noise.subarray(k * config.latentSize, (k + 1) * config.latentSize),
        (k * columns + v) * config.latentSize,
      );
      labels[k * columns + v] = k;
    }
  for (let j = 0; j < config.continuousCodes; j++) {
    const continuous = new Float32Array(rows * columns * config.continuousCodes);
    for (let i = 0; i < rows * columns; i++) continuous[i * config.continuousCodes + j] = CODE_VALUES[i % columns];
    const images = await trainer.generate(latents, { labels, continuous });
    for (let i = 0; i < rows * columns; i++) {
      const [top, left] = [Math.floor(i / columns) * SIDE, j * (blockWidth + gap) + (i % columns) * SIDE];
      for (let p = 0; p < SIDE * SIDE; p++) {
        const ink = (images[i * SIDE * SIDE + p] + 1) / 2; // white digits on black, as MNIST
        pixels[(top + Math.floor(p / SIDE)) * width + left + (p % SIDE)] = Math.round(
          255 * Math.min(1, Math.max(0, ink)),
        );
      }
    }
  }
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(
    file,
    greyPng(enlarged(pixels, width, height, PICTURE_SCALE), width * PICTURE_SCALE, height * PICTURE_SCALE),
  );
}

/** Each pixel as a `scale` × `scale` square, so a 28-pixel digit can be seen. */
function enlarged(pixels: Uint8Array, width: number, height: number, scale: number): Uint8Array {
  const out = new Uint8Array(width * scale * height * scale);
  for (let y = 0; y < height * scale; y++)
    for (let x = 0; x < width * scale; x++)
      out[y * width * scale + x] = pixels[Math.floor(y / scale) * width + Math.floor(x / scale)];
  return out;
}

/** An 8-bit greyscale PNG of `pixels` ([height × width], row-major): each row filter 0, one IDAT chunk. */
function greyPng(pixels: Uint8Array, width: number, height: number): Buffer {
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
    const crc = Buffer.alloc(4);
    crc.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, crc]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8 bits, greyscale, deflate, filter method 0, no interlace
  const raw = Buffer.alloc(height * (width + 1));
  for (let y = 0; y < height; y++) raw.set(pixels.subarray(y * width, (y + 1) * width), y * (width + 1) + 1);
  return Buffer.concat([
    Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

/** The effects as one line: "code 1 r(slant) 0.12, r(width) 0.80; code 2 …". */
export function describeEffects(effects: readonly { slant: number; width: number }[]): string {
  return (
    effects.map((e, j) => `code ${j + 1} r(slant) ${e.slant.toFixed(2)}, r(width) ${e.width.toFixed(2)}`).join('; ') ||
    'no continuous codes'
  );
}
