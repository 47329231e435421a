#pragma once

#include "data/dataset.h"
#include "eval/latentdirections.h"
#include "spec/experimentspec.h"

#include <atomic>
#include <memory>

class GeneratorCopy;
class QualityMeter;

// Finds latent directions in a run's generator the one way the latent explorer and the
// `directions` command both do: class directions label samples with the run's image
// classifier (trained once per finder, or read from its cache), and every method can be
// measured against a baseline, the mean effect of as many random directions. One thread at a
// time uses a finder (the explorer's background job, or the command line's main thread).
class DirectionFinder {
public:
    // `data` is the run's (may be null: then there are no class directions).
    DirectionFinder(const DataSpec &spec, std::uint64_t seed, std::shared_ptr<const Dataset> data);
    ~DirectionFinder();
    DirectionFinder(const DirectionFinder &) = delete;
    DirectionFinder &operator=(const DirectionFinder &) = delete;

    struct Found {
        latentdirections::Result result;
        double baseline = 0;  // mean effect of random directions (0 when not asked for)
    };
    struct Progress {
        ProgressFn loading;   // reading the classifier's data (class directions)
        ProgressFn training;  // training the classifier (class directions), 0 to 1
        ProgressFn finding;   // finding the directions, 0 to 1
    };

    bool hasLabels() const;  // class directions are possible
    QStringList classNames() const;
    // `options.classifier` and `options.classNames` are the finder's to fill. A raised `cancel`
    // stops the work with result.error set.
    Found find(const GeneratorCopy &generator, latentdirections::Method method, latentdirections::Options options,
               bool withBaseline, const Progress &progress, const std::atomic<bool> *cancel);

private:
    DataSpec m_spec;
    std::uint64_t m_seed;
    std::shared_ptr<const Dataset> m_data;
    std::unique_ptr<QualityMeter> m_meter;  // made at the first class find
};
