#pragma once

#include <QString>

#include <functional>

// Which BLAS torch's matrix products run on, and how fast: Debian's libtorch uses the system
// libblas.so.3, and with the reference implementation a DCGAN step is ~5x slower.
struct BlasProbe {
    QString library;      // the libblas.so.3 file loaded into this process
    bool reference = false;
    double gflops = 0;    // sgemm rate measured at `threads`
    int threads = 1;
    QString warning() const;  // empty when all is well
};

BlasProbe probeBlas(int threads, double seconds = 0.2);

// GFLOP/s of `kernel` (`flop` each run), run on the calling thread for at least `seconds` and at
// least `minRuns` times after the caller's warm-up. The probes here and in roofprobe time with it.
double kernelGflops(const std::function<void()> &kernel, double flop, double seconds, int minRuns = 1);

// The LibTorch this program was built against: the Debian package and its version where it came
// from one ("1.13.1+dfsg-4 (package libtorch-dev)"), else the version its headers give.
QString torchVersion();
