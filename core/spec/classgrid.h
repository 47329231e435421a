#pragma once

#include "experimentspec.h"

#include <vector>

// The run's fixed sample grid (the live grid, the saved sample PNGs): 64 samples of fixed noise
// in an unconditional run. A conditional run of images shows one row of kColumns per class,
// the noise fixed per column, so a column is one z across the classes; one of 2D points shows
// at least 64 points of distinct noise, their classes in turn.
namespace classgrid {
inline constexpr int kColumns = 8;
inline constexpr int kUnconditional = 64;
int count(const ExperimentSpec &spec);
// The class of each grid sample; empty for an unconditional run.
std::vector<int> labels(const ExperimentSpec &spec);
// The row of the run's fixed noise each grid sample uses.
std::vector<int> noiseRows(const ExperimentSpec &spec);
// The rows of fixed noise the run draws (64, or more for a large 2D grid).
int noiseCount(const ExperimentSpec &spec);
}  // namespace classgrid

namespace conditioningfit {
// Sets the experiment's conditioning to `next` and keeps the networks' first layers fitting
// what they now take: the generator's first Linear, where it took z (and the label embedding)
// before, takes the new input size; the discriminator's first Linear or Conv2d gains or loses
// the concat label channels (one per class) that come and go with the change.
void apply(ExperimentSpec *spec, const ConditioningSpec &next);
}  // namespace conditioningfit
