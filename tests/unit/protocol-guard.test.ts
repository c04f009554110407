import { describe, expect, it } from 'vitest';
import { isCommand, isPing } from '../../src/worker/protocol.ts';

describe('isCommand (issue 16)', () => {
  it('accepts every command type by its own name', () => {
    for (const type of [
      'init',
      'reset',
      'play',
      'pause',
      'step',
      'update',
      'sample',
      'benchmark',
      'exportRun',
      'importRun',
      'latent',
      'dispose',
    ]) {
      expect(isCommand({ type }), type).toBe(true);
    }
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
