#pragma once

#include "data/dataset.h"

#include <QByteArray>
#include <QString>

#include <cstdint>
#include <vector>

// A 2D run's measures over its steps: `train --eval-every K` on 2D data writes them to
// RUN/measures.csv (step,modes_captured,high_quality,js), the figures `evaluate` gives at the
// end (the mode-coverage protocol's 2500 samples, the 2D lab's JS estimate), so that the
// window's Runs panel can draw a run folder's mode curve beside the runs it watched.
namespace pointmeasures {

struct Row {
    std::int64_t step = 0;
    int modesCaptured = -1;    // -1: the set has no known modes
    double highQuality = -1;   // share within 3 sigma of a mode; -1 as above
    double js = -1;            // -1: not estimated
};

// The measures of `generated` (kCoverageSamples points from kCoverageSeed) against `data`.
Row measure(std::int64_t step, const Dataset &data, const std::vector<float> &generated);

QString path(const QString &runFolder);
QByteArray csv(const std::vector<Row> &rows);
// The rows of a measures.csv (bad lines skipped); empty when the file cannot be read.
std::vector<Row> read(const QString &runFolder);

}  // namespace pointmeasures
