#pragma once

#include "modecoverage.h"

#include <QString>

#include <array>

#include <cstdint>
#include <vector>

class DiscriminatorCopy;
class GeneratorCopy;

// What the 2D lab draws at one training step, computed from frozen copies of the run's
// networks (never the weights being trained).
namespace lab2d {

struct Request {
    double xMin = -1.5, xMax = 1.5, yMin = -1.5, yMax = 1.5;  // the visible area
    int cells = 64;          // the heatmap is cells x cells
    int arrows = 32;         // gradient arrows on the first this many generated points
    int meshLines = 17;      // the manifold: a meshLines x meshLines grid in latent space
    int meshDimA = 0, meshDimB = 1;  // the two latent dimensions it spans (the rest are 0)
    // Conditional runs: the class whose heatmap (D's opinion of points as that class), mesh and
    // arrows (on the generated points of that class) are shown.
    int label = 0;
    double meshRange = 2.0;  // each spans [-meshRange, meshRange]
    // Live measures. With known modes: coverage by the evaluate protocol (kCoverageSamples from
    // kCoverageSeed). With real points: the Jensen-Shannon divergence of as many generated
    // points on a histogram over the area, and its noise floor (real against real).
    std::vector<std::array<double, 2>> modes;
    double modeSigma = 0;
    std::vector<float> real;
    int jsPoints = 500;  // at most; fewer when there are fewer than 2 x 500 real points
};

struct Frame {
    std::int64_t step = -1;
    Request request;
    bool probabilities = false;  // heat holds P(real) in [0, 1]; else raw scores
    // D's score at the centre of each cell, row by row from yMin, each row from xMin:
    // cell (i, j) is centred at (xMin + (j + 0.5)·w, yMin + (i + 0.5)·h), w and h the cell size.
    std::vector<float> heat;
    std::vector<float> fakes;   // G of the run's fixed evaluation noise: x0, y0, x1, y1, ...
    std::vector<int> fakeLabels;  // conditional runs: the class each fake was asked as (else empty)
    std::vector<float> arrows;  // for the first fakes: x, y, dx, dy with (dx, dy) = -dl_G/dx
    std::vector<float> mesh;    // G of the latent grid: meshLines rows of meshLines points, x, y
    bool hasCoverage = false;
    ModeCoverage coverage;
    double js = -1, jsFloor = -1;  // -1: not computed (too few real points)
    bool ok() const { return step >= 0; }
};

// The centre of heatmap cell (row, column).
double cellX(const Request &r, int column);
double cellY(const Request &r, int row);

// Computes a frame; on a failure of either copy the frame is not ok() and `error` says why.
Frame compute(const GeneratorCopy &g, DiscriminatorCopy &d, const Request &request, QString *error);

}  // namespace lab2d
