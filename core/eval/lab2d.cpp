#include "lab2d.h"

#include "divergence.h"

#include "training/discriminatorcopy.h"
#include "training/generatorcopy.h"

#include <QCoreApplication>
#include <algorithm>

namespace {
// Messages a user reads: translated (context "Lab2d").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Lab2d)
};
}  // namespace

namespace lab2d {

double cellX(const Request &r, int column)
{
    return r.xMin + (column + 0.5) * (r.xMax - r.xMin) / r.cells;
}

double cellY(const Request &r, int row)
{
    return r.yMin + (row + 0.5) * (r.yMax - r.yMin) / r.cells;
}

Frame compute(const GeneratorCopy &g, DiscriminatorCopy &d, const Request &request, QString *error)
{
    Frame f;
    f.request = request;
    const int n = std::max(1, request.cells);
    f.request.cells = n;
    std::vector<float> centres;
    centres.reserve(size_t(n) * n * 2);
    for (int i = 0; i < n; ++i)
        for (int j = 0; j < n; ++j)
            centres.insert(centres.end(), {float(cellX(f.request, j)), float(cellY(f.request, i))});
    d.setLabel(request.label);
    f.heat = d.scores(centres, n * n);
    f.probabilities = d.scoresAreProbabilities();
    if (f.heat.empty()) {
        *error = d.error();
        return Frame{};
    }

    const int latentDim = g.latentDim();
    const int fakes = latentDim > 0 ? int(g.evalLatents().size()) / latentDim : 0;
    if (fakes > 0) {
        const SampleBatch batch = g.generate(g.evalLatents(), fakes, error, g.evalLabels());
        if (batch.count == 0 || batch.isImages()) {
            if (batch.isImages())
                *error = Text::tr("the 2D lab needs a generator of 2D points");
            return Frame{};
        }
        f.fakes = batch.points;
        f.fakeLabels = g.evalLabels();
        // The arrows of the first fakes (a conditional run: of the class shown, whose loss they are).
        std::vector<float> points;
        for (int k = 0; k < fakes && int(points.size()) < 2 * std::max(0, request.arrows); ++k)
            if (f.fakeLabels.empty() || f.fakeLabels[size_t(k)] == d.label())
                points.insert(points.end(), {f.fakes[2 * size_t(k)], f.fakes[2 * size_t(k) + 1]});
        const int arrowed = int(points.size() / 2);
        if (arrowed > 0) {
            const std::vector<float> push = d.generatorPush(points, arrowed);
            if (push.empty()) {
                *error = d.error();
                return Frame{};
            }
            for (int k = 0; k < arrowed; ++k)
                f.arrows.insert(f.arrows.end(), {points[2 * size_t(k)], points[2 * size_t(k) + 1], push[2 * size_t(k)], push[2 * size_t(k) + 1]});
        }
    }

    const int lines = request.meshLines;
    const int a = request.meshDimA, b = request.meshDimB;
    if (lines >= 2 && latentDim > 0 && a >= 0 && a < latentDim) {
        std::vector<float> grid(size_t(lines) * lines * size_t(latentDim), 0.0f);
        for (int i = 0; i < lines; ++i)
            for (int j = 0; j < lines; ++j) {
                float *z = grid.data() + (size_t(i) * lines + j) * size_t(latentDim);
                z[a] = float(-request.meshRange + 2 * request.meshRange * j / (lines - 1));
                if (b >= 0 && b < latentDim && b != a)
                    z[b] = float(-request.meshRange + 2 * request.meshRange * i / (lines - 1));
            }
        const SampleBatch mesh = g.generate(grid, lines * lines, error,
                                            g.classes() > 0 ? std::vector<int>(size_t(lines) * lines, d.label()) : std::vector<int>());
        if (mesh.count == 0)
            return Frame{};
        f.mesh = mesh.points;
    }
    if (!request.modes.empty() || !request.real.empty()) {
        const SampleBatch many = g.sample(kCoverageSamples, kCoverageSeed, error);
        if (many.count == 0)
            return Frame{};
        if (!request.modes.empty()) {
            f.coverage = evaluateModeCoverage(many.points, request.modes, request.modeSigma);
            f.hasCoverage = true;
        }
        // Over the area around the real data, as `evaluate` measures: the figure does not change
        // when the view is zoomed or panned.
        const auto [lo, hi] = divergence::viewAround(request.real);
        const divergence::Estimate e = divergence::againstReal(request.real, many.points, request.jsPoints, lo, hi);
        f.js = e.js;
        f.jsFloor = e.floor;
    }
    f.step = d.step();
    return f;
}

}  // namespace lab2d
