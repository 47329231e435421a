#include "divergence.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <numeric>
#include <random>

namespace divergence {
namespace {
std::vector<double> histogram(const std::vector<float> &points, double lo, double hi, int bins)
{
    std::vector<double> h(size_t(bins) * bins, 0.0);
    const double width = (hi - lo) / bins;
    auto cell = [&](double v) { return std::clamp(int(std::floor((v - lo) / width)), 0, bins - 1); };
    for (size_t i = 0; i + 1 < points.size(); i += 2)
        h[size_t(cell(points[i + 1])) * bins + cell(points[i])] += 1;
    double total = 0;
    for (double v : h)
        total += v;
    for (double &v : h)
        v /= std::max(total, 1.0);
    return h;
}
}  // namespace

double jensenShannon(const std::vector<float> &a, const std::vector<float> &b, double lo, double hi, int bins)
{
    const std::vector<double> p = histogram(a, lo, hi, bins), q = histogram(b, lo, hi, bins);
    double js = 0;
    for (size_t i = 0; i < p.size(); ++i) {
        const double m = 0.5 * (p[i] + q[i]);
        if (p[i] > 0)
            js += 0.5 * p[i] * std::log2(p[i] / m);
        if (q[i] > 0)
            js += 0.5 * q[i] * std::log2(q[i] / m);
    }
    return std::max(0.0, js);
}

std::pair<std::vector<float>, std::vector<float>> randomHalves(const std::vector<float> &points, int n)
{
    std::vector<size_t> order(points.size() / 2);
    std::iota(order.begin(), order.end(), size_t(0));
    std::mt19937 random(20180101u);
    std::shuffle(order.begin(), order.end(), random);
    std::pair<std::vector<float>, std::vector<float>> halves;
    for (size_t k = 0; k < order.size() && k < size_t(2) * n; ++k)
        (k < size_t(n) ? halves.first : halves.second).insert((k < size_t(n) ? halves.first : halves.second).end(),
                                                              {points[2 * order[k]], points[2 * order[k] + 1]});
    return halves;
}

std::pair<double, double> viewAround(const std::vector<float> &points)
{
    double lo = 0, hi = 0;
    for (size_t i = 0; i + 1 < points.size(); i += 2) {
        lo = std::min({lo, double(points[i]), double(points[i + 1])});
        hi = std::max({hi, double(points[i]), double(points[i + 1])});
    }
    // A margin, so that generated points just off the data still land inside.
    const double half = std::max(0.5, 0.5 * (hi - lo) * 1.3);
    const double mid = 0.5 * (hi + lo);
    return {mid - half, mid + half};
}

Estimate againstReal(const std::vector<float> &real, const std::vector<float> &generated, int atMost, double lo, double hi, int bins)
{
    Estimate e;
    const int n = int(std::min({std::int64_t(atMost), std::int64_t(real.size() / 4), std::int64_t(generated.size() / 2)}));
    if (n < 1)
        return e;
    const auto [sample, other] = randomHalves(real, n);
    const std::vector<float> fake(generated.begin(), generated.begin() + 2 * n);
    e.js = jensenShannon(sample, fake, lo, hi, bins);
    e.floor = jensenShannon(sample, other, lo, hi, bins);
    e.points = n;
    return e;
}

double jsNoiseFloor(const std::vector<float> &reference, int n, double lo, double hi, int bins)
{
    if (n < 1 || reference.size() < size_t(4) * n)
        return -1;
    const auto [first, second] = randomHalves(reference, n);
    return jensenShannon(first, second, lo, hi, bins);
}
}  // namespace divergence
