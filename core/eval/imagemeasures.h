#pragma once

#include <cstdint>
#include <vector>

// Image-quality measures on feature vectors: what a trained classifier's penultimate layer
// makes of real and generated images (FID's recipe with our own network instead of Inception,
// which cannot be downloaded here). Every function takes features as plain values, so the same
// code measures a run from the command line and from the window, and is tested on known inputs.
namespace imagemeasures {

// `count` vectors of `dim` values, row by row.
struct Features {
    int count = 0;
    int dim = 0;
    std::vector<float> values;
};

// A Gaussian fitted to features: the mean and the (unbiased, count - 1) covariance, row-major.
struct Gaussian {
    int dim = 0;
    std::vector<double> mean;
    std::vector<double> covariance;  // dim x dim
};
Gaussian fitGaussian(const Features &features);

// The Fréchet distance between two Gaussians (FID's formula):
//   |m1 - m2|² + tr(C1) + tr(C2) - 2 tr((C1^½ C2 C1^½)^½)
// The square root is taken of the symmetric C1^½ C2 C1^½ by an eigendecomposition in double
// precision with negative rounding noise clamped to zero, which stays finite where the
// product form sqrtm(C1 C2) of the reference code turns complex. Never negative.
double frechetDistance(const Gaussian &a, const Gaussian &b);
double frechetDistance(const Features &a, const Features &b);

// Kernel inception distance (Bińkowski et al. 2018): the unbiased MMD² with the polynomial
// kernel k(x, y) = (xᵀy / dim + 1)³, averaged over `subsets` random subsets of `subsetSize`
// vectors of each set (fewer when a set is smaller; half when both are: subsets of the whole
// sets would all be the same), with the standard error of that mean.
// Near 0 (and possibly slightly negative) for samples of one distribution.
struct Kid {
    double value = 0;
    double standardError = 0;
    int subsets = 0;
    int subsetSize = 0;
};
Kid kernelDistance(const Features &real, const Features &generated, int subsets = 100, int subsetSize = 1000,
                   std::uint64_t seed = 1);

// Precision and recall on k-nearest-neighbour manifolds (Kynkäänniemi et al. 2019): a vector
// belongs to a set's manifold when it is within the distance from some member of the set to
// that member's k-th nearest neighbour in the set. Precision: the share of generated vectors
// on the real manifold; recall: the share of real vectors on the generated manifold.
// Density and coverage (Naeem et al. 2020) use the real manifold only: density counts how many
// real balls hold each generated vector (divided by k; about 1 when the sets match), coverage
// is the share of real balls that hold at least one generated vector.
struct Manifold {
    double precision = 0;
    double recall = 0;
    double density = 0;
    double coverage = 0;
    int k = 0;
};
Manifold manifoldMeasures(const Features &real, const Features &generated, int k = 5);

// The Inception-score formula on a classifier's class probabilities (count x classes, rows
// summing to 1): exp(mean over samples of KL(p(y|x) ‖ p(y))). 1 when every sample gets the same
// distribution, the number of classes when each is certain and the classes are equally used.
double classifierScore(const std::vector<float> &probabilities, int classes);

// How many samples the classifier puts in each class (its most probable one): which classes the
// generator makes. A collapsed generator fills few bars.
std::vector<int> classHistogram(const std::vector<float> &probabilities, int classes);

// For each of `queries`, the index of its nearest vector in `reference` (Euclidean): which
// training image a generated one is closest to (a memorisation check).
std::vector<int> nearestNeighbours(const Features &queries, const Features &reference);

// Every measure of generated images against real ones, as `evaluate`, `train --eval-every` and
// the window's Quality plot report them. With `classes` 0 (a network without classes) there is
// no classifier score and no histogram.
struct Quality {
    double fd = 0;
    Kid kid;
    Manifold manifold;
    double classifierScore = 0;       // 0 without classes
    std::vector<int> classHistogram;  // empty without classes
};
Quality measureQuality(const Features &real, const Features &generated, const std::vector<float> &probabilities, int classes,
                       int kidSubsets = 100, int k = 5);

}  // namespace imagemeasures
