/**
 * The training worker refuses to turn strings into code wherever it is served. Its Content-Security-
 * Policy can only come from the response that serves its script (the page's meta tag does not reach
 * it), and a static host that ignores the build's `_headers` sends none; so this module, imported
 * first by training.worker.ts and importing nothing, takes eval, the four function constructors and
 * string timers away before any other module runs. TensorFlow.js does not need them: it trains under
 * the policy, which refuses the same calls.
 *
 * What it cannot stop: a dynamic `import()` of a data: or blob: URL (syntax, not a function). Only
 * the policy in the header stops that, which is why hosts should still send it (README).
 */

const refusal = () => new EvalError('The training worker does not run code from strings');

/**
 * Where DevTools and test drivers evaluate (Playwright's `worker.evaluate` calls `globalThis.eval`
 * from a script without a URL): a V8 stack frame located at a bare `<anonymous>:line:column`. The
 * policy exempts the inspector the same way. Code from a file has its URL there, and code that eval
 * made says "eval at …"; code from the function constructors cannot be made any more.
 */
const INSPECTOR_FRAME = /^\s*at (?:.+ \()?<anonymous>:\d+:\d+\)?$/;

function lock(target: object, name: PropertyKey, value: unknown) {
  Object.defineProperty(target, name, { value, writable: false, configurable: false });
}

/** A constructor that throws, standing where `prototype.constructor` stood, so `f instanceof Function` still holds. */
function refusingConstructor(prototype: object, name: string) {
  const refused = function () {
    throw refusal();
  };
  Object.defineProperty(refused, 'name', { value: name });
  Object.defineProperty(refused, 'prototype', { value: prototype });
  return refused;
}

const nativeEval = globalThis.eval;
lock(globalThis, 'eval', function evalForInspector(source: unknown) {
  // [0] "Error", [1] this function, [2] its caller.
  const caller = new Error().stack?.split('\n')[2];
  if (caller === undefined || !INSPECTOR_FRAME.test(caller)) throw refusal();
  return nativeEval(source as string);
});

// Function, AsyncFunction, GeneratorFunction, AsyncGeneratorFunction: only Function is a global; the
// others are reachable through any function's prototype chain.
for (const sample of [function () {}, async function () {}, function* () {}, async function* () {}]) {
  const prototype = Object.getPrototypeOf(sample) as { constructor: { name: string } };
  lock(prototype, 'constructor', refusingConstructor(prototype, prototype.constructor.name));
}
lock(globalThis, 'Function', Function.prototype.constructor);

// setTimeout('code') and setInterval('code') compile their string like eval.
for (const name of ['setTimeout', 'setInterval'] as const) {
  const native = globalThis[name];
  lock(globalThis, name, function (handler: unknown, ...rest: unknown[]) {
    if (typeof handler !== 'function') throw refusal();
    return native(handler as () => void, ...(rest as [number]));
  });
}

export {};
