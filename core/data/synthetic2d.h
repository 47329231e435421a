#pragma once

#include "dataset.h"

namespace synthetic2d {

// Draws `count` points of the named set from `seed`. ring8 and grid25 follow the
// VEEGAN/PacGAN protocol (ring8: 8 Gaussians on the unit circle, sigma 0.01; grid25:
// 25 Gaussians at {-4,-2,0,2,4}^2, sigma 0.05) and carry their modes for evaluation.
std::shared_ptr<const Dataset> generate(Synthetic2DKind kind, int count, std::uint64_t seed);

// The known modes and their sigma (empty for sets without discrete modes).
void modes(Synthetic2DKind kind, std::vector<std::array<double, 2>> *modes, double *sigma);

}  // namespace synthetic2d

namespace csvpoints {
// "x,y" per line (an optional header line "x,y"; an optional third column is an integer label).
DatasetLoad load(const QString &path, std::int64_t limit);
}
