#pragma once

#include "steprecord.h"

#include "data/dataset.h"

#include <QMetaType>

#include <cstdint>
#include <memory>
#include <vector>

// What the training thread tells the window, as plain values, at most every ~80 ms.
struct TrainingSnapshot {
    std::vector<StepRecord> records;  // the steps since the previous snapshot, in order
    std::int64_t step = 0;            // steps done in this run so far
    std::int64_t targetSteps = 0;     // the run's step budget
    double elapsedSeconds = 0;        // training time of this run, pauses excluded
    double imagesPerSecond = 0;       // over the steps of this snapshot
    SampleBatch samples;              // fixed-noise samples; count 0 when not refreshed this time
    std::vector<float> realPoints;    // 2D data: some real points (x, y, ...), in the first snapshot only
    std::shared_ptr<const Dataset> data;  // the run's data (immutable), in the first snapshot only
    std::vector<QualityRecord> quality;   // a resumed run's image measures, in the first snapshot only
};
Q_DECLARE_METATYPE(TrainingSnapshot)
