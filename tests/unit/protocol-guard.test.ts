import { describe, expect, it } from 'vitest';
import { isCommand, isPing, type TrainerCommand } from '../../src/worker/protocol.ts';

/**
 * Every command type once: a Record over the union, so this list fails to type-check (npx tsc -b)
 * when a command is added to protocol.ts without being listed here.
 */
const COMMANDS: Record<TrainerCommand['type'], true> = {
  init: true,
  reset: true,
  play: true,
  pause: true,
  step: true,
  update: true,
  sample: true,
  benchmark: true,
  exportRun: true,
  importRun: true,
  latent: true,
  trace: true,
  schedule: true,
  dispose: true,
};

describe('isCommand (issue 16)', () => {
  it('accepts every command type by its own name', () => {
    for (const type of Object.keys(COMMANDS)) expect(isCommand({ type }), type).toBe(true);
    // The slow-motion step's command (issue 19), as the client sends it.
    expect(isCommand({ type: 'trace', requestId: 7 })).toBe(true);
  });

  it('refuses a command type in another spelling', () => {
    for (const type of ['Trace', 'trace ', 'traces', 'TRACE', 'latentAnswer'])
      expect(isCommand({ type }), type).toBe(false);
  });

  it('refuses the names an object inherits from its prototype', () => {
    for (const type of [
      'toString',
      'constructor',
      '__proto__',
      'hasOwnProperty',
      'valueOf',
      'isPrototypeOf',
      '__defineGetter__',
    ]) {
      expect(isCommand({ type }), type).toBe(false);
    }
  });

  it('refuses what is not a tagged object', () => {
    for (const value of [null, undefined, 'play', 3, [], {}, { type: 3 }, { type: 'ping', id: 1 }]) {
      expect(isCommand(value)).toBe(false);
    }
    expect(isPing({ type: 'ping', id: 1 })).toBe(true);
  });
});
