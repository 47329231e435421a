#pragma once

#include <QString>

// The machine's arithmetic roof at `threads` threads, measured, so that a run's achieved
// GFLOP/s has something meaningful to be a share of. Two figures per precision:
// - the fused multiply-add peak of the widest vectors the CPU has: independent chains of FMAs
//   (bf16: AVX512-BF16 dot products, 64 FLOP an instruction) on every thread at once, which is
//   vector width x FMA units x the clock the cores really run at under load;
// - the fastest kernel LibTorch runs here: the best of a few large 3x3 convolutions (oneDNN,
//   the path the networks' convolutions take) and a 1024x1024 matrix product (BLAS for fp32).
// The sgemm probe (BlasProbe) is not a roof: OpenBLAS's kernels reach about half of this CPU's
// AVX-512 peak, and oneDNN's convolutions beat it.
struct RoofProbe {
    int threads = 1;
    QString vectors;      // "AVX-512", "AVX2": the FMA loop's; empty where it was not measured
    double fmaFp32 = 0;   // GFLOP/s; 0 where not measured
    double fmaBf16 = 0;   // 0 on a CPU without bfloat16 arithmetic
    double torchFp32 = 0;
    double torchBf16 = 0;
    QString torchFp32Kernel, torchBf16Kernel;  // "3x3 convolution, 512 channels at 8x8"
};

// About `seconds` per figure (six figures at most).
RoofProbe probeRoof(int threads, bool bf16, double seconds = 0.15);
