#include "roofprobe.h"
#include "blasprobe.h"

#include <QCoreApplication>
#include <torch/torch.h>

#include <chrono>
#include <functional>
#include <thread>
#include <vector>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define GP_ROOF_X86 1
#endif

namespace {
// Messages a user reads: translated (context "RoofProbe").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RoofProbe)
};

#ifdef GP_ROOF_X86
double secondsSince(std::chrono::steady_clock::time_point start)
{
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

// Sixteen independent chains, more than FMA latency x FMA units on any current core, each
// started from its own value so that no two can be merged. One body serves the three loops (the
// intrinsics differ by instruction set, so a template cannot take them): every round replaces
// each accumulator `v` by STEP(v); the sum is stored so that nothing is optimised away. Returns
// the FLOP done.
constexpr int kChains = 16;
#define GP_FMA_CHAINS(Vector, SET1, ADD, STORE, flopPerStep)                  \
    Vector a[kChains];                                                        \
    for (int i = 0; i < kChains; ++i)                                         \
        a[i] = SET1(float(i));                                                \
    for (long n = 0; n < rounds; ++n)                                         \
        _Pragma("GCC unroll 16") for (int i = 0; i < kChains; ++i) a[i] = STEP(a[i]); \
    Vector sum = a[0];                                                        \
    for (int i = 1; i < kChains; ++i)                                         \
        sum = ADD(sum, a[i]);                                                 \
    alignas(64) float out[sizeof(Vector) / sizeof(float)];                    \
    STORE(out, sum);                                                          \
    volatile float sink = out[0];                                             \
    (void)sink;                                                               \
    return double(rounds) * kChains * (flopPerStep)

__attribute__((target("avx512f"))) double fmaAvx512(long rounds)
{
    const __m512 x = _mm512_set1_ps(0.999999f), y = _mm512_set1_ps(1e-6f);
#define STEP(v) _mm512_fmadd_ps(v, x, y)
    GP_FMA_CHAINS(__m512, _mm512_set1_ps, _mm512_add_ps, _mm512_store_ps, 16 * 2);
#undef STEP
}

__attribute__((target("avx512f,avx512bf16"))) double fmaAvx512Bf16(long rounds)
{
    const __m512bh x = (__m512bh)_mm512_set1_epi16(0x3f80);  // 1.0 in bfloat16
#define STEP(v) _mm512_dpbf16_ps(v, x, x)  // 32 products, 32 sums
    GP_FMA_CHAINS(__m512, _mm512_set1_ps, _mm512_add_ps, _mm512_store_ps, 64);
#undef STEP
}

__attribute__((target("avx2,fma"))) double fmaAvx2(long rounds)
{
    const __m256 x = _mm256_set1_ps(0.999999f), y = _mm256_set1_ps(1e-6f);
#define STEP(v) _mm256_fmadd_ps(v, x, y)
    GP_FMA_CHAINS(__m256, _mm256_set1_ps, _mm256_add_ps, _mm256_store_ps, 8 * 2);
#undef STEP
}
#undef GP_FMA_CHAINS

// GFLOP/s of `loop` on `threads` threads at once: rounds are calibrated on one thread first.
double peak(const std::function<double(long)> &loop, int threads, double seconds)
{
    long rounds = 1 << 14;
    for (;;) {
        const auto start = std::chrono::steady_clock::now();
        loop(rounds);
        if (secondsSince(start) > seconds / 8 || rounds > (1L << 40))
            break;
        rounds *= 4;
    }
    const auto startCalibrated = std::chrono::steady_clock::now();
    loop(rounds);
    rounds = long(rounds * seconds / std::max(1e-6, secondsSince(startCalibrated)));
    std::vector<double> flop(size_t(threads), 0);
    std::vector<std::thread> team;
    const auto start = std::chrono::steady_clock::now();
    for (int t = 0; t < threads; ++t)
        team.emplace_back([&, t] { flop[size_t(t)] = loop(rounds); });
    for (std::thread &t : team)
        t.join();
    double total = 0;
    for (double f : flop)
        total += f;
    return total / secondsSince(start) / 1e9;
}
#endif

// The best rate of LibTorch's kernels for `dtype` at the set thread count, and which kernel.
double bestTorchKernel(torch::ScalarType dtype, double seconds, QString *which)
{
    struct Conv {
        int batch, channels, size;
    };
    double best = 0;
    auto time = [&](const std::function<void()> &kernel, double flop, const QString &name) {
        kernel();  // warm up: oneDNN picks and builds its kernel on first use
        const double rate = kernelGflops(kernel, flop, seconds / 3, 2);
        if (rate > best) {
            best = rate;
            *which = name;
        }
    };
    torch::NoGradGuard noGrad;
    const auto options = torch::TensorOptions().dtype(dtype);
    for (const Conv c : {Conv{8, 512, 8}, Conv{16, 256, 16}}) {
        const torch::Tensor x = torch::randn({c.batch, c.channels, c.size, c.size}).to(options);
        const torch::Tensor w = torch::randn({c.channels, c.channels, 3, 3}).to(options);
        time([&] { torch::conv2d(x, w, {}, 1, 1); }, 2.0 * c.batch * c.channels * c.channels * c.size * c.size * 9,
             Text::tr("3x3 convolution, %1 channels at %2x%2").arg(c.channels).arg(c.size));
    }
    const torch::Tensor a = torch::randn({1024, 1024}).to(options);
    time([&] { torch::mm(a, a); }, 2.0 * 1024 * 1024 * 1024, Text::tr("1024x1024 matrix product"));
    return best;
}

RoofProbe probeHere(int threads, bool bf16, double seconds)
{
    RoofProbe p;
    p.threads = threads;
#ifdef GP_ROOF_X86
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f")) {
        p.vectors = QStringLiteral("AVX-512");
        p.fmaFp32 = peak(fmaAvx512, threads, seconds);
        if (bf16 && __builtin_cpu_supports("avx512bf16"))
            p.fmaBf16 = peak(fmaAvx512Bf16, threads, seconds);
    } else if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma")) {
        p.vectors = QStringLiteral("AVX2");
        p.fmaFp32 = peak(fmaAvx2, threads, seconds);
    }
#endif
    at::set_num_threads(threads);
    p.torchFp32 = bestTorchKernel(torch::kFloat, seconds, &p.torchFp32Kernel);
    if (bf16)
        p.torchBf16 = bestTorchKernel(torch::kBFloat16, seconds, &p.torchBf16Kernel);
    return p;
}
}  // namespace

RoofProbe probeRoof(int threads, bool bf16, double seconds)
{
    // On a thread of its own, whose OpenMP team ends with it (as probeBlas does).
    RoofProbe p;
    std::thread([&] { p = probeHere(threads, bf16, seconds); }).join();
    return p;
}
