#pragma once

#include <QString>

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

// The version of the LibTorch this program was built against ("1.13.1").
QString torchVersion();
