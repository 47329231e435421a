#pragma once

#include <QByteArray>
#include <QMetaType>

#include <cstdint>
#include <vector>

// What one training step reports. Plain values: crosses threads in snapshots.
struct StepRecord {
    std::int64_t step = 0;     // 1 for the first step
    float lossD = 0;           // total discriminator loss (regularisers included)
    float lossDReal = 0;       // its part from real samples
    float lossDFake = 0;       // its part from generated samples
    float lossG = 0;
    float dReal = 0;           // mean D(x): probability for sigmoid losses, raw score otherwise
    float dFake = 0;           // mean D(G(z)), same convention
    float gradNormD = 0;       // L2 norm of all discriminator gradients (last D update)
    float gradNormG = 0;
    double seconds = 0;        // wall time of the step
};
Q_DECLARE_METATYPE(StepRecord)

// The columns of a step record, in the one order every table of them uses: the checkpoint's
// history, metrics.csv and the window's CSV export.
struct StepColumn {
    const char *name;  // the CSV header ("loss_d")
    double (*get)(const StepRecord &);
    void (*set)(StepRecord &, double);
    int digits;        // significant digits in CSV: 9 give a float back exactly
};

namespace steprecords {
const std::vector<StepColumn> &columns();
QByteArray csvHeader();                   // "step,loss_d,...\n"
QByteArray csvRow(const StepRecord &r);   // one line, newline included
}  // namespace steprecords

// Generated samples as bytes or points. Images: N x H x W x C, 0..255 (the [-1, 1] range mapped).
struct SampleBatch {
    int count = 0;
    int channels = 0, height = 0, width = 0;
    std::vector<std::uint8_t> pixels;
    std::vector<float> points;  // 2D: x0, y0, x1, y1, ...
    bool isImages() const { return channels > 0; }
};
Q_DECLARE_METATYPE(SampleBatch)
