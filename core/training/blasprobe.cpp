#include "blasprobe.h"

#include <QCoreApplication>
#include <torch/torch.h>
#include <torch/version.h>

#include <QFile>

#include <chrono>
#include <thread>

namespace {
// Messages a user reads: translated (context "BlasProbe").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(BlasProbe)
};
}  // namespace

namespace {
QString loadedBlas()
{
    QFile maps(QStringLiteral("/proc/self/maps"));
    if (!maps.open(QIODevice::ReadOnly))
        return {};
    const QList<QByteArray> lines = maps.readAll().split('\n');
    for (const QByteArray &line : lines) {
        const int slash = line.indexOf('/');
        if (slash < 0)
            continue;
        const QByteArray path = line.mid(slash);
        if (path.contains("libblas.so") || path.contains("libopenblas"))
            return QString::fromLocal8Bit(path);
    }
    return {};
}
}  // namespace

QString BlasProbe::warning() const
{
    constexpr double kSlowGflops = 8.0;  // reference BLAS reaches ~2-4 GFLOP/s here, OpenBLAS 40+
    // The library decides; the timing only where it is unknown: OpenBLAS on a busy machine is
    // slow for a moment, not the wrong library.
    const bool openblas = library.contains(QLatin1String("openblas"), Qt::CaseInsensitive);
    if (reference || (!openblas && gflops < kSlowGflops))
        return Text::tr("WARNING: matrix products run at %1 GFLOP/s on %2. This looks like the reference BLAS: "
                              "training will be about 5x slower. Install libopenblas0-openmp (sudo apt-get install "
                              "libopenblas0-openmp).")
            .arg(gflops, 0, 'f', 1).arg(library.isEmpty() ? Text::tr("an unknown BLAS") : library);
    return {};
}

namespace {
BlasProbe probeHere(int threads, double seconds)
{
    constexpr int64_t kSize = 384;  // big enough to be compute bound, small enough to be quick
    BlasProbe p;
    p.threads = threads;
    at::set_num_threads(threads);
    const torch::Tensor a = torch::ones({kSize, kSize});
    const torch::Tensor b = torch::ones({kSize, kSize});
    torch::Tensor c = torch::mm(a, b);  // warm up and load the library
    p.library = loadedBlas();
    p.reference = p.library.contains(QLatin1String("/blas/libblas.so"));
    p.gflops = kernelGflops([&] { c = torch::mm(a, b); }, 2.0 * kSize * kSize * kSize, seconds);
    return p;
}
}  // namespace

double kernelGflops(const std::function<void()> &kernel, double flop, double seconds, int minRuns)
{
    int runs = 0;
    const auto start = std::chrono::steady_clock::now();
    double elapsed = 0;
    while (elapsed < seconds || runs < minRuns) {
        kernel();
        ++runs;
        elapsed = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    }
    return flop * runs / elapsed / 1e9;
}

BlasProbe probeBlas(int threads, double seconds)
{
    // On a thread of its own, whose OpenMP team ends with it. A team left on the caller's
    // thread (the window's GUI thread) counts against libgomp's threads for good: with more
    // of them than cores, every other team's threads stop spinning and sleep between parallel
    // regions, and a run in the window trained about 15 % slower (gan-playground --benchmark-ui).
    BlasProbe p;
    std::thread([&] { p = probeHere(threads, seconds); }).join();
    return p;
}

QString torchVersion()
{
#ifdef GP_TORCH_PACKAGE
    // The package's own version: its headers may lag it (Debian's 1.13.1 says 1.13.0).
    return QStringLiteral(GP_TORCH_PACKAGE);
#else
    return QStringLiteral(TORCH_VERSION " (from its headers)");
#endif
}
