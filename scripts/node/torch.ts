/**
 * The environment Debian's python3-torch runs in for the project's tests (tests/unit/pytorch-*):
 * one thread, and the same float32 arithmetic on every x86-64 machine with AVX2.
 *
 * torch picks its vectorised kernels by the CPU (ATEN_CPU_CAPABILITY: avx2 on AMD, avx512 on Intel's
 * server parts) and so does OpenBLAS its matrix products (OPENBLAS_CORETYPE: Haswell, SkylakeX, …), and
 * a seeded GAN run follows its arithmetic. The ring default's exported script at seed 1 after 2,000
 * steps read 7 modes with 24% of its samples high quality on AVX2 kernels, 7 and 42% with torch's avx512
 * ones, 8 and 52% with its plain ones (one machine, the same OpenBLAS): a test's threshold tuned on one
 * machine is a coin toss on another. Pinned to AVX2's kernels, a seeded run reads the same wherever it
 * runs. Without AVX2 (or off x86) nothing is pinned: those kernels would not run there.
 */
import { existsSync, readFileSync } from 'node:fs';

const hasAvx2 = existsSync('/proc/cpuinfo') && /\bavx2\b/.test(readFileSync('/proc/cpuinfo', 'utf8'));

/** `process.env` with torch on one thread and, where the CPU has AVX2, its kernels pinned to AVX2's. */
export function torchEnvironment(): NodeJS.ProcessEnv {
  return {
    ...process.env,
    // Debian's pthread OpenBLAS ignores torch's thread count.
    OMP_NUM_THREADS: '1',
    OPENBLAS_NUM_THREADS: '1',
    ...(hasAvx2 ? { ATEN_CPU_CAPABILITY: 'avx2', OPENBLAS_CORETYPE: 'Haswell', ONEDNN_MAX_CPU_ISA: 'AVX2' } : {}),
  };
}
