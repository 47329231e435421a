#pragma once

#include <QByteArray>
#include <QList>
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

// Image-quality figures of the generator at one step (QualityMeter: every K steps of
// `train --eval-every`, and the window's Quality plot). Plain values: crosses threads.
struct QualityRecord {
    std::int64_t step = 0;
    double fd = 0;
    double kid = 0, kidStandardError = 0;
    double precision = 0, recall = 0, density = 0, coverage = 0;
    double classifierScore = 0;  // 0 when the network has no classes (random features)
};
Q_DECLARE_METATYPE(QualityRecord)

// The columns of a record, in the one order every table of them uses: the checkpoint's history
// (step columns), metrics.csv and the window's CSV export (step columns, then quality columns,
// empty on the steps that were not measured).
template <class Record>
struct Column {
    const char *name;  // the CSV header ("loss_d")
    double (*get)(const Record &);
    void (*set)(Record &, double);
    int digits;        // significant digits in CSV: 9 give a float back exactly
};
using StepColumn = Column<StepRecord>;
using QualityColumn = Column<QualityRecord>;

namespace steprecords {
const std::vector<StepColumn> &columns();
const std::vector<QualityColumn> &qualityColumns();  // without the step
QByteArray csvHeader();                              // "step,loss_d,...,fd,...\n"
// One line, newline included; `quality` (may be null) fills the quality columns.
QByteArray csvRow(const StepRecord &r, const QualityRecord *quality = nullptr);
// A whole table: the header, then a row per step, with the quality figures (in step order) on
// the rows of their steps.
QByteArray csv(const std::vector<StepRecord> &history, const std::vector<QualityRecord> &quality);
// Reads the rows of a metrics table by the names in its header line, as metrics.csv and the
// window's export write them; columns the table lacks stay zero.
class MetricsColumns {
public:
    explicit MetricsColumns(const QByteArray &header);
    bool hasSteps() const { return m_step.front() >= 0; }  // it has a step column
    int count() const { return m_count; }                   // of the header
    // The row's step record: false when a step column's cell is not a number.
    bool steps(const QList<QByteArray> &cells, StepRecord *r) const;
    // The row's measures: false when the table has none, the row was not measured (its first
    // quality cell is empty) or a cell is not a number.
    bool quality(const QList<QByteArray> &cells, QualityRecord *q) const;

private:
    int m_count = 0;
    std::vector<int> m_step, m_quality;  // per column of columns() / qualityColumns(): its place in a row, or -1
};
// The quality figures in a metrics.csv (the measured rows; other columns are ignored): what a
// run keeps of them when its file is rewritten from its checkpoint. Empty for a file without
// quality columns.
std::vector<QualityRecord> qualityFromCsv(const QByteArray &csv);
}  // namespace steprecords

// Generated samples as bytes or points. Images: N x H x W x C, 0..255 (the [-1, 1] range mapped).
struct SampleBatch {
    int count = 0;
    int channels = 0, height = 0, width = 0;
    std::vector<std::uint8_t> pixels;
    std::vector<float> points;  // 2D: x0, y0, x1, y1, ...
    // The generator's outputs as they are (N x C x H x W for images, N x 2 for points), only where
    // asked for (Trainer::sample's `raw`: `sample --out FILE.npy`).
    std::vector<float> values;
    bool isImages() const { return channels > 0; }
};
Q_DECLARE_METATYPE(SampleBatch)
