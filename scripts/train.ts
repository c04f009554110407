/**
 * `npm run train -- [options]`: trains headless in Node with the same core as the app and prints
 * one JSON object per report line. A bad option exits with status 2 and a one-line message; any
 * other failure with status 1 and a one-line message (NASH_DEBUG=1 prints the error with its stack).
 */
import { createDataset } from '../src/gan/data/registry.ts';
import { Trainer } from '../src/gan/trainer.ts';
import { parseCli, USAGE } from './cli/options.ts';
import { reportLine } from './cli/report.ts';
import { DigitReport, writeSamples } from './cli/digits.ts';
import { useBackend } from './node/backend.ts';
import { loadMnist } from './node/mnist.ts';

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/** Ends the run on an error nobody caught: one line on stderr rather than a stack from deep in the core. */
function fail(error: unknown): never {
  if (process.env.NASH_DEBUG === '1') console.error(error);
  else console.error(`train: ${messageOf(error).replace(/\s*\n\s*/g, ' ')}`);
  process.exit(1);
}

async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log(USAGE);
    return;
  }
  let options;
  try {
    options = parseCli(argv);
  } catch (error) {
    console.error(`train: ${messageOf(error)}`);
    process.exit(2);
  }
  const { config, steps, reportEvery, backend } = options;
  await useBackend(backend);
  const trainer = new Trainer(
    config,
    createDataset(config.dataset, config.dataset === 'mnist' ? { mnist: loadMnist() } : {}),
  );
  const digits = config.dataset === 'mnist' ? new DigitReport(config) : undefined;
  const started = performance.now();
  for (let i = 1; i <= steps; i++) {
    trainer.step();
    if (i % reportEvery === 0 || i === steps) {
      const points = await trainer.flushStats();
      const evaluation = await trainer.evaluate();
      const line = reportLine(config, points[points.length - 1], evaluation, (performance.now() - started) / 1000);
      if (digits) Object.assign(line, await digits.metrics(trainer));
      console.log(JSON.stringify(line));
    }
  }
  if (options.exportSamples) {
    await writeSamples(options.exportSamples, trainer).catch((error: unknown) => {
      throw new Error(`--export-samples: ${messageOf(error)}`, { cause: error });
    });
  }
  digits?.dispose();
  trainer.dispose();
}

process.on('uncaughtException', fail);
process.on('unhandledRejection', fail);
await main(process.argv.slice(2)).catch(fail);
