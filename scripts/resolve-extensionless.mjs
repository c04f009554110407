// Node resolve hook for tfjs-core's ESM build, whose files import siblings without extensions
// ('./gradients', './ops/ops'): the bundlers that tfjs targets resolve them, Node's ESM loader
// does not. Used by the CLI, the benchmarks and the Node tests; the browser build goes through Vite.
import { register } from 'node:module';

register('./resolve-extensionless-hooks.mjs', import.meta.url);
