#include "eval/imagemeasures.h"

#include <torch/torch.h>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <random>
#include <stdexcept>

namespace imagemeasures {
namespace {

constexpr std::int64_t kChunk = 1024;  // rows of a distance block: 1024 x 10,000 floats is 40 MB

torch::Tensor asTensor(const Features &f)
{
    if (f.count < 0 || f.dim <= 0 || f.values.size() != size_t(f.count) * size_t(f.dim))
        throw std::invalid_argument("features: the values do not match count x dim");
    // from_blob does not copy: the tensor lives only as long as the call that uses it.
    return torch::from_blob(const_cast<float *>(f.values.data()), {f.count, f.dim}, torch::kFloat32);
}

void requireSameDim(const Features &a, const Features &b)
{
    if (a.dim != b.dim)
        throw std::invalid_argument("features: the two sets have different dimensions");
}

torch::Tensor symmetricSqrt(const torch::Tensor &m)
{
    const auto [values, vectors] = at::linalg_eigh((m + m.t()) / 2, "L");
    return vectors.matmul(torch::diag(values.clamp_min(0).sqrt())).matmul(vectors.t());
}

// The distance from each row of x to its k-th nearest other row (the row itself, at distance 0,
// is the first neighbour found).
torch::Tensor kthNeighbourDistance(const torch::Tensor &x, int k)
{
    const std::int64_t n = x.size(0);
    const int take = int(std::min<std::int64_t>(k + 1, n));
    torch::Tensor out = torch::empty({n}, torch::kFloat32);
    for (std::int64_t i = 0; i < n; i += kChunk) {
        const auto rows = x.slice(0, i, std::min(n, i + kChunk));
        const auto nearest = std::get<0>(torch::cdist(rows, x).topk(take, 1, /*largest=*/false, /*sorted=*/true));
        out.slice(0, i, i + rows.size(0)).copy_(nearest.select(1, take - 1));
    }
    return out;
}

}  // namespace

Gaussian fitGaussian(const Features &features)
{
    if (features.count < 2)
        throw std::invalid_argument("features: a covariance needs at least two vectors");
    const torch::Tensor x = asTensor(features).to(torch::kFloat64);
    const torch::Tensor mean = x.mean(0);
    const torch::Tensor centred = x - mean;
    const torch::Tensor cov = centred.t().matmul(centred) / double(features.count - 1);
    Gaussian g;
    g.dim = features.dim;
    g.mean.assign(mean.data_ptr<double>(), mean.data_ptr<double>() + features.dim);
    const torch::Tensor c = cov.contiguous();
    g.covariance.assign(c.data_ptr<double>(), c.data_ptr<double>() + size_t(features.dim) * features.dim);
    return g;
}

double frechetDistance(const Gaussian &a, const Gaussian &b)
{
    if (a.dim != b.dim || a.dim <= 0 || a.mean.size() != size_t(a.dim) || b.mean.size() != size_t(b.dim)
        || a.covariance.size() != size_t(a.dim) * a.dim || b.covariance.size() != size_t(b.dim) * b.dim)
        throw std::invalid_argument("frechetDistance: the two Gaussians do not have the same dimension");
    const auto opts = torch::TensorOptions().dtype(torch::kFloat64);
    const torch::Tensor m1 = torch::from_blob(const_cast<double *>(a.mean.data()), {a.dim}, opts);
    const torch::Tensor m2 = torch::from_blob(const_cast<double *>(b.mean.data()), {b.dim}, opts);
    const torch::Tensor c1 = torch::from_blob(const_cast<double *>(a.covariance.data()), {a.dim, a.dim}, opts);
    const torch::Tensor c2 = torch::from_blob(const_cast<double *>(b.covariance.data()), {b.dim, b.dim}, opts);
    const torch::Tensor s1 = symmetricSqrt(c1);
    const torch::Tensor inner = s1.matmul(c2).matmul(s1);
    const double crossTrace = at::linalg_eigvalsh((inner + inner.t()) / 2, "L").clamp_min(0).sqrt().sum().item<double>();
    const double meanTerm = (m1 - m2).pow(2).sum().item<double>();
    const double fd = meanTerm + c1.trace().item<double>() + c2.trace().item<double>() - 2 * crossTrace;
    return std::max(0.0, fd);  // rounding can leave -1e-12 for identical sets
}

double frechetDistance(const Features &a, const Features &b)
{
    requireSameDim(a, b);
    return frechetDistance(fitGaussian(a), fitGaussian(b));
}

Kid kernelDistance(const Features &real, const Features &generated, int subsets, int subsetSize, std::uint64_t seed)
{
    requireSameDim(real, generated);
    int m = std::min({subsetSize, real.count, generated.count});
    // Subsets as large as both sets would all be the whole sets: one value, no spread to give.
    if (m == real.count && m == generated.count && subsets > 1)
        m = std::max(2, m / 2);
    if (m < 2 || subsets < 1)
        throw std::invalid_argument("kernelDistance: needs at least two vectors in each set and one subset");
    const torch::Tensor x = asTensor(real).to(torch::kFloat64), y = asTensor(generated).to(torch::kFloat64);
    const double dim = real.dim;
    auto kernel = [dim](const torch::Tensor &a, const torch::Tensor &b) { return (a.matmul(b.t()) / dim + 1).pow(3); };
    std::mt19937_64 rng(seed);
    auto draw = [&rng, m](int count) {
        std::vector<std::int64_t> order(static_cast<size_t>(count), 0);
        std::iota(order.begin(), order.end(), 0);
        std::shuffle(order.begin(), order.end(), rng);
        order.resize(size_t(m));
        return torch::tensor(order, torch::kInt64);
    };
    std::vector<double> values;
    for (int s = 0; s < subsets; ++s) {
        const torch::Tensor xs = x.index_select(0, draw(real.count)), ys = y.index_select(0, draw(generated.count));
        const torch::Tensor kxx = kernel(xs, xs), kyy = kernel(ys, ys), kxy = kernel(xs, ys);
        const double pairs = double(m) * (m - 1);
        const double mmd = (kxx.sum().item<double>() - kxx.trace().item<double>()) / pairs
                           + (kyy.sum().item<double>() - kyy.trace().item<double>()) / pairs - 2 * kxy.mean().item<double>();
        values.push_back(mmd);
    }
    Kid kid;
    kid.subsets = subsets;
    kid.subsetSize = m;
    kid.value = std::accumulate(values.begin(), values.end(), 0.0) / subsets;
    if (subsets > 1) {
        double squares = 0;
        for (double v : values)
            squares += (v - kid.value) * (v - kid.value);
        kid.standardError = std::sqrt(squares / (subsets - 1)) / std::sqrt(double(subsets));
    }
    return kid;
}

Manifold manifoldMeasures(const Features &real, const Features &generated, int k)
{
    requireSameDim(real, generated);
    if (k < 1 || real.count <= k || generated.count <= k)
        throw std::invalid_argument("manifoldMeasures: each set needs more than k vectors");
    const torch::Tensor x = asTensor(real), y = asTensor(generated);
    const torch::Tensor realRadius = kthNeighbourDistance(x, k), fakeRadius = kthNeighbourDistance(y, k);
    std::int64_t onReal = 0, ballHits = 0;
    torch::Tensor covered = torch::zeros({real.count}, torch::kBool);
    for (std::int64_t i = 0; i < generated.count; i += kChunk) {
        const auto rows = y.slice(0, i, std::min<std::int64_t>(generated.count, i + kChunk));
        const torch::Tensor inside = torch::cdist(rows, x) <= realRadius.unsqueeze(0);  // generated x real
        onReal += inside.any(1).sum().item<std::int64_t>();
        ballHits += inside.sum().item<std::int64_t>();
        covered |= inside.any(0);
    }
    std::int64_t onFake = 0;
    for (std::int64_t i = 0; i < real.count; i += kChunk) {
        const auto rows = x.slice(0, i, std::min<std::int64_t>(real.count, i + kChunk));
        onFake += (torch::cdist(rows, y) <= fakeRadius.unsqueeze(0)).any(1).sum().item<std::int64_t>();
    }
    Manifold out;
    out.k = k;
    out.precision = double(onReal) / generated.count;
    out.recall = double(onFake) / real.count;
    out.density = double(ballHits) / (double(k) * generated.count);
    out.coverage = covered.sum().item<double>() / real.count;
    return out;
}

double classifierScore(const std::vector<float> &probabilities, int classes)
{
    if (classes < 1 || probabilities.empty() || probabilities.size() % size_t(classes) != 0)
        throw std::invalid_argument("classifierScore: the probabilities are not rows of `classes` values");
    const size_t n = probabilities.size() / size_t(classes);
    std::vector<double> marginal(size_t(classes), 0.0);
    for (size_t i = 0; i < n; ++i)
        for (int c = 0; c < classes; ++c)
            marginal[size_t(c)] += probabilities[i * size_t(classes) + size_t(c)] / double(n);
    double kl = 0;
    for (size_t i = 0; i < n; ++i)
        for (int c = 0; c < classes; ++c) {
            const double p = probabilities[i * size_t(classes) + size_t(c)];
            if (p > 0)
                kl += p * (std::log(p) - std::log(marginal[size_t(c)]));
        }
    return std::exp(kl / double(n));
}

std::vector<int> classHistogram(const std::vector<float> &probabilities, int classes)
{
    if (classes < 1 || probabilities.size() % size_t(classes) != 0)
        throw std::invalid_argument("classHistogram: the probabilities are not rows of `classes` values");
    std::vector<int> counts(size_t(classes), 0);
    for (size_t i = 0; i < probabilities.size(); i += size_t(classes)) {
        const auto row = probabilities.begin() + std::ptrdiff_t(i);
        ++counts[size_t(std::max_element(row, row + classes) - row)];
    }
    return counts;
}

std::vector<int> nearestNeighbours(const Features &queries, const Features &reference)
{
    requireSameDim(queries, reference);
    if (reference.count < 1)
        throw std::invalid_argument("nearestNeighbours: the reference set is empty");
    const torch::Tensor q = asTensor(queries), r = asTensor(reference);
    std::vector<int> out;
    out.reserve(size_t(queries.count));
    for (std::int64_t i = 0; i < queries.count; i += kChunk) {
        const torch::Tensor nearest = torch::cdist(q.slice(0, i, std::min<std::int64_t>(queries.count, i + kChunk)), r).argmin(1);
        for (std::int64_t j = 0; j < nearest.size(0); ++j)
            out.push_back(int(nearest[j].item<std::int64_t>()));
    }
    return out;
}

Quality measureQuality(const Features &real, const Features &generated, const std::vector<float> &probabilities, int classes,
                       int kidSubsets, int k)
{
    Quality q;
    q.fd = frechetDistance(real, generated);
    q.kid = kernelDistance(real, generated, kidSubsets);
    q.manifold = manifoldMeasures(real, generated, k);
    if (classes > 0) {
        q.classifierScore = classifierScore(probabilities, classes);
        q.classHistogram = classHistogram(probabilities, classes);
    }
    return q;
}

}  // namespace imagemeasures
