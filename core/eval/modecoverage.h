#pragma once

#include <array>
#include <cstdint>
#include <vector>

// 2D mode coverage, VEEGAN/PacGAN protocol: a sample is high quality when it lies within
// 3 sigma of its nearest mode; a mode is captured when it is the nearest mode of at least one
// high-quality sample. reverseKL is KL(captured histogram || uniform over all modes), NaN when
// no mode is captured: the histogram is then empty and the divergence undefined (not 0, which
// would read as perfect).
struct ModeCoverage {
    int samples = 0;
    int modes = 0;
    int captured = 0;
    int highQuality = 0;
    double highQualityFraction = 0;
    double reverseKL = 0;  // NaN: no mode captured
    std::vector<int> perMode;  // high-quality samples nearest each mode
};

ModeCoverage evaluateModeCoverage(const std::vector<float> &points, const std::vector<std::array<double, 2>> &modes,
                                  double sigma);

// The protocol `evaluate` and the benchmarks follow (VEEGAN, PacGAN): this many samples from
// noise drawn from this seed, the same for every run.
constexpr int kCoverageSamples = 2500;
constexpr std::uint64_t kCoverageSeed = 20180101;
