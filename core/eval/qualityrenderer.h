#pragma once

#include "data/dataset.h"
#include "eval/evalclassifier.h"
#include "eval/qualitymeter.h"
#include "spec/experimentspec.h"
#include "training/generatorcopy.h"
#include "training/steprecord.h"

#include <QObject>

#include <memory>
#include <vector>

// Measures the image quality of a run's published generator copies on its own thread, for the
// window's Quality plot and class histogram; never on the training thread. start() makes the
// run's QualityMeter there (training the classifier once when it is not cached); request()
// measures a copy. The thread runs one intra-op thread at the lowest priority, and rests after
// each measurement for `kRestFactor` times as long as it took, so that it takes at most about a
// twentieth of one core from the training (`gan-playground --benchmark-ui S --quality ab`
// measures the cost).
// Latest wins: a request waiting when a newer one arrives is dropped. Signals arrive on the
// renderer's thread (the caller's), never from an earlier run after start().
class QualityRenderer : public QObject {
    Q_OBJECT
public:
    struct Measurement {
        QualityRecord record;
        std::vector<int> classHistogram;  // samples per class; empty for random features
        double seconds = 0;               // wall time of the measurement
        std::uint64_t run = 0;            // start()'s answer for the run it belongs to
    };

    explicit QualityRenderer(QObject *parent = nullptr);
    ~QualityRenderer() override;  // drops pending work (a classifier half trained included) and waits

    // A run of image data begins: its meter is made on the renderer's thread (`preparing`, then
    // `ready` or `failed`). `data` is the run's own (shared, immutable). Replaces any earlier run.
    // The answer names the run in `ready` and `measured`; signals of an earlier run that were
    // on their way when this one started are dropped.
    std::uint64_t start(const ExperimentSpec &spec, std::shared_ptr<const Dataset> data);
    void request(std::shared_ptr<GeneratorCopy> generator);
    int measurementCount() const;  // measurements actually made, for tests and the benchmark
    // Tests that wait for figures turn the modesty off: no rest after a measurement, and the
    // thread keeps a normal priority (when turned off before the first job: a thread cannot
    // take back a lower priority without privileges).
    void setModest(bool modest);

    static constexpr int kSamples = QualityMeter::kTrainingCount;  // per measurement, and reference images
    static constexpr int kKidSubsets = 20;      // of 1000: the live KID's standard error is a little wider
    static constexpr double kRestFactor = 19;  // busy at most 1 / (1 + 19) of the time

signals:
    void preparing(double fraction);  // the classifier's training, 0 to 1
    void ready(quint64 run, const EvalClassifier::Info &network);
    void measured(const QualityRenderer::Measurement &m);
    void failed(const QString &message);
    // The renderer's thread started (true) or ended (false) a job: preparing the measures or
    // measuring. Always in pairs, also for a job of a run that has been replaced.
    void working(bool busy);

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};
Q_DECLARE_METATYPE(EvalClassifier::Info)
Q_DECLARE_METATYPE(QualityRenderer::Measurement)
