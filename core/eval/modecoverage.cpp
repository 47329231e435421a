#include "modecoverage.h"

#include <cmath>
#include <limits>

ModeCoverage evaluateModeCoverage(const std::vector<float> &points, const std::vector<std::array<double, 2>> &modes,
                                  double sigma)
{
    constexpr double kQualityRadius = 3.0;  // in units of the modes' sigma (VEEGAN)
    ModeCoverage c;
    c.samples = int(points.size() / 2);
    c.modes = int(modes.size());
    c.perMode.assign(modes.size(), 0);
    if (modes.empty() || c.samples == 0)
        return c;
    for (int i = 0; i < c.samples; ++i) {
        const double x = points[2 * size_t(i)], y = points[2 * size_t(i) + 1];
        double best = std::numeric_limits<double>::infinity();
        size_t nearest = 0;
        for (size_t m = 0; m < modes.size(); ++m) {
            const double d = std::hypot(x - modes[m][0], y - modes[m][1]);
            if (d < best) {
                best = d;
                nearest = m;
            }
        }
        if (best <= kQualityRadius * sigma) {
            ++c.highQuality;
            ++c.perMode[nearest];
        }
    }
    c.highQualityFraction = double(c.highQuality) / c.samples;
    for (size_t m = 0; m < modes.size(); ++m) {
        if (c.perMode[m] == 0)
            continue;
        ++c.captured;
        const double p = double(c.perMode[m]) / c.highQuality;
        c.reverseKL += p * std::log(p * double(modes.size()));
    }
    if (c.captured == 0)
        c.reverseKL = std::numeric_limits<double>::quiet_NaN();
    return c;
}
