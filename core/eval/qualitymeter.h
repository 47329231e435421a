#pragma once

#include "data/dataset.h"
#include "eval/evalclassifier.h"
#include "eval/imagemeasures.h"
#include "spec/experimentspec.h"

#include <QString>

#include <memory>
#include <vector>

// The image measures of one run's data, ready for generated samples: the evaluation network of
// the data (EvalClassifier) and the features of the reference images (the data's test split
// where it has one, else images held out of the data). Made once per run and used for every
// measurement of it, by `evaluate`, by `train --eval-every` and by the window's Quality plot.
// measure() may be called from any one thread at a time.
class QualityMeter {
public:
    struct Options {
        int count = 10000;    // reference images, and the samples a comparable measurement takes
        int kidSubsets = 100;
        QString cacheDir;     // the classifier cache; empty: EvalClassifier::defaultCacheDir()
    };
    // `runData` is the run's data as loaded for it. The classifier learns from all of the data:
    // when the run used part of it (`spec.limit`), the whole is loaded again (`loading`).
    // `training` reports the classifier's training when it is not cached. Null with `error`
    // set when the data is not images or too small.
    static std::unique_ptr<QualityMeter> create(const DataSpec &spec, std::uint64_t seed, std::shared_ptr<const Dataset> runData,
                                                const Options &options, const ProgressFn &loading, const ProgressFn &training,
                                                QString *error);
    // A meter wanted for its classifier only (class directions): few reference images.
    static std::unique_ptr<QualityMeter> forClassifier(const DataSpec &spec, std::uint64_t seed, std::shared_ptr<const Dataset> runData,
                                                       const ProgressFn &loading, const ProgressFn &training, QString *error);
    ~QualityMeter();

    const EvalClassifier &classifier() const { return *m_classifier; }
    const Dataset &trainData() const { return *m_train; }
    // The test split, or the images held out of the data when it has none (then trainData() is
    // the rest): never the images the classifier learnt from or the nearest-image check searches.
    const Dataset &reference() const { return *m_test; }
    bool heldOut() const { return m_heldOut; }
    // The index in the run's data of trainData()'s image `index` (they differ when images were
    // held out).
    std::int64_t dataIndex(std::int64_t index) const;
    int count() const { return m_real.count; }
    const imagemeasures::Features &referenceFeatures() const { return m_real; }
    const std::vector<float> &referenceProbabilities() const { return m_realProbabilities; }

    // Generated samples against the reference. `features` and `probabilities` (may be null)
    // receive the samples' own. Throws std::invalid_argument when the samples are too few or of
    // another size than the data.
    imagemeasures::Quality measure(const SampleBatch &samples, imagemeasures::Features *features = nullptr,
                                   std::vector<float> *probabilities = nullptr) const;
    // `count` real images of `data` from `first`, measured the same way (the scale's other end).
    imagemeasures::Quality measure(const Dataset &data, std::int64_t first, std::int64_t count) const;

    // The training image nearest to each of the first `count` samples in pixel space (Euclidean),
    // with the root-mean-square pixel difference on a 0..1 scale: a memorisation check (a copy
    // of a training image is at 0; real test images show how near an honest image comes).
    struct Nearest {
        std::int64_t index = -1;
        double rms = 0;
    };
    std::vector<Nearest> nearestTrainingImages(const SampleBatch &samples, int count) const;
    // The same for the first `count` reference (test) images: the scale of the above.
    std::vector<Nearest> nearestTrainingImagesOfReference(int count) const;

    // The figures as a row of metrics.csv and a point of the window's Quality plot.
    static QualityRecord record(std::int64_t step, const imagemeasures::Quality &quality);

    static constexpr int kNeighbours = 5;  // k of precision/recall and density/coverage
    // The samples of a measurement during training (train --eval-every, the window's Quality
    // plot), and the seed of their noise: the same noise at every step, so that the figures move
    // with the generator only, and `evaluate --count 2000` gives the same figures for the same
    // generator.
    static constexpr int kTrainingCount = 2000;
    static constexpr std::uint64_t kSampleSeed = 20261203;

private:
    QualityMeter() = default;
    imagemeasures::Quality against(const imagemeasures::Features &features, const std::vector<float> &probabilities) const;
    std::shared_ptr<const Dataset> m_train, m_test;
    bool m_heldOut = false;
    std::vector<std::int64_t> m_trainIndex;  // with images held out: trainData()'s in the run's data
    // Without a test split, labelled data holds out a fifth (the classifier learns from the
    // rest), unlabelled data half (random features learn nothing).
    static constexpr std::int64_t kHeldOutShareLabelled = 5;
    std::unique_ptr<EvalClassifier> m_classifier;
    Options m_options;
    imagemeasures::Features m_real;
    std::vector<float> m_realProbabilities;
};
