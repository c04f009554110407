/**
 * WebAssembly SIMD's arithmetic peak on this machine, for the DCGAN benchmark's ceiling table: a
 * module, assembled here byte by byte, whose one function runs CHAINS independent
 * `a = a · m + c` chains on f32x4 vectors for n rounds, registers only, no memory traffic. No
 * convolution or matMul written in WebAssembly SIMD (128 bits, multiply and add as two
 * instructions) can do arithmetic faster than this on the same core.
 */

/** Independent accumulators: enough to cover the multiply's and the add's latency, few enough for x64's 16 vector registers. */
const CHAINS = 12;
/** FLOP per round: per chain, 4 lanes × (one multiply + one add). */
const PEAK_FLOPS_PER_ROUND = CHAINS * 4 * 2;

const SIMD = 0xfd;
const op = {
  loop: 0x03,
  end: 0x0b,
  brIf: 0x0d,
  localGet: 0x20,
  localSet: 0x21,
  i32Const: 0x41,
  f32Const: 0x43,
  i32Sub: 0x6b,
  blockEmpty: 0x40,
  v128: 0x7b,
  i32: 0x7f,
  f32: 0x7d,
  funcType: 0x60,
} as const;
// SIMD opcodes follow the 0xfd prefix as unsigned LEB128.
const f32x4Splat = [SIMD, 0x13];
const f32x4ExtractLane0 = [SIMD, 0x1f, 0];
const f32x4Add = [SIMD, 0xe4, 0x01];
const f32x4Mul = [SIMD, 0xe6, 0x01];

const f32Bytes = (v: number) => Array.from(new Uint8Array(new Float32Array([v]).buffer));
const named = (s: string) => [s.length, ...Array.from(s, (c) => c.charCodeAt(0))];
/** Bytes after their length as unsigned LEB128 (two bytes at most: this module's parts stay under 2^14). */
function sized(bytes: number[]): number[] {
  if (bytes.length >= 0x4000) throw new Error('simdPeak: a part of the module outgrew its two-byte length');
  const length = bytes.length < 0x80 ? [bytes.length] : [(bytes.length & 0x7f) | 0x80, bytes.length >> 7];
  return [...length, ...bytes];
}
/** A section: its id, then its bytes sized. */
const section = (id: number, bytes: number[]) => [id, ...sized(bytes)];

/** `peak(n: i32) → f32`: local 0 is n, 1 the multiplier m = 1, 2 the addend c = 0, 3… the chains. */
function peakModule(): Uint8Array<ArrayBuffer> {
  const [m, c, first] = [1, 2, 3];
  const chains = Array.from({ length: CHAINS }, (_, i) => first + i);
  const splat = (value: number, local: number) => [op.f32Const, ...f32Bytes(value), ...f32x4Splat, op.localSet, local];
  const body = [
    1, // one group of locals:
    2 + CHAINS,
    op.v128,
    ...splat(1, m),
    ...splat(0, c),
    ...chains.flatMap((local, i) => splat(1 + i / 1024, local)),
    op.loop,
    op.blockEmpty,
    ...chains.flatMap((local) => [
      ...[op.localGet, local, op.localGet, m, ...f32x4Mul, op.localGet, c, ...f32x4Add],
      ...[op.localSet, local],
    ]),
    ...[op.localGet, 0, op.i32Const, 1, op.i32Sub, op.localSet, 0, op.localGet, 0, op.brIf, 0],
    op.end,
    // The sum of the chains' first lanes is returned, so that no chain is dead code.
    op.localGet,
    first,
    ...chains.slice(1).flatMap((local) => [op.localGet, local, ...f32x4Add]),
    ...f32x4ExtractLane0,
    op.end,
  ];
  return new Uint8Array([
    ...[0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00], // "\0asm", version 1
    ...section(1, [1, op.funcType, 1, op.i32, 1, op.f32]), // types: (i32) → f32
    ...section(3, [1, 0]), // functions: one, of type 0
    ...section(7, [1, ...named('peak'), 0x00, 0]), // exports: "peak", function 0
    ...section(10, [1, ...sized(body)]), // code: one body, sized
  ]);
}

/** GFLOP/s of WebAssembly SIMD multiply + add at its best here (the best of `repeats` timed runs). */
export function wasmSimdPeakGflops(seconds = 1, repeats = 5): number {
  const { exports } = new WebAssembly.Instance(new WebAssembly.Module(peakModule()));
  const peak = exports.peak as (rounds: number) => number;
  peak(1e5); // compiled and warm
  // Rounds per run sized from a short probe, so that each run lasts about seconds / repeats.
  const probe = performance.now();
  peak(1e6);
  const rounds = Math.max(
    1e6,
    Math.round((1e6 * (seconds * 1000)) / repeats / Math.max(performance.now() - probe, 0.01)),
  );
  let best = 0;
  for (let r = 0; r < repeats; r++) {
    const start = performance.now();
    peak(rounds);
    best = Math.max(best, (rounds * PEAK_FLOPS_PER_ROUND) / ((performance.now() - start) / 1000) / 1e9);
  }
  return best;
}
