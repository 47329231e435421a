#pragma once

#include <utility>
#include <vector>

// The Jensen-Shannon divergence between two 2D point sets, estimated on a histogram: the area
// [lo, hi]² is cut into bins x bins cells and JS = ½ KL(p‖m) + ½ KL(q‖m), m = (p + q)/2, over
// the cells' shares, in bits (0 = the same histogram, 1 = no overlap). JS needs no smoothing to
// stay finite (m > 0 wherever p or q is). Points outside the area count in the nearest edge cell.
//
// Such a plug-in estimate is biased upwards on small samples: two samples of one distribution
// differ by chance. jsNoiseFloor measures that bias at the sample size in use, as the JS between
// two disjoint halves of the real data; a generated set at the floor is as close to the data as
// this sample size can tell (GAN Lab shows the raw estimate alone).
namespace divergence {
double jensenShannon(const std::vector<float> &a, const std::vector<float> &b, double lo, double hi, int bins = 32);
// Two disjoint random samples of `n` points each of `points` (which needs 2n), drawn with a
// fixed seed: points in drawing or file order are not a random sample, their halves are.
std::pair<std::vector<float>, std::vector<float>> randomHalves(const std::vector<float> &points, int n);
// The square the 2D lab shows around `points` (x0, y0, ...): the data's extent with a 30 %
// margin, at least [-0.5, 0.5]²; the histogram's area. As {lo, hi} for both axes.
std::pair<double, double> viewAround(const std::vector<float> &points);

struct Estimate {
    double js = -1;     // JS(real, generated) in bits; -1 when there were too few points
    double floor = -1;  // JS between two real samples of the same size: the estimator's bias
    int points = 0;     // per sample
};
// JS of n random real points against the first n generated ones (i.i.d. by construction), and
// the noise floor from n other real points: n is `atMost`, or fewer when there are fewer than
// 2n real or n generated points.
Estimate againstReal(const std::vector<float> &real, const std::vector<float> &generated, int atMost, double lo, double hi,
                     int bins = 32);

// The estimator's value for two samples of `n` points of the same distribution (randomHalves
// of `reference`); -1 when it has fewer than 2n points.
double jsNoiseFloor(const std::vector<float> &reference, int n, double lo, double hi, int bins = 32);
}  // namespace divergence
