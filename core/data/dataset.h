#pragma once

#include "spec/experimentspec.h"
#include "spec/shapeinference.h"

#include <QString>
#include <QStringList>

#include <array>
#include <cstdint>
#include <functional>
#include <memory>
#include <vector>

// A loaded dataset as plain values: images as bytes (N x C x H x W, 0..255, scaled to [-1, 1]
// when batched) or 2D points. Immutable once loaded; shared read-only between threads.
struct Dataset {
    enum class Kind { Images, Points };
    Kind kind = Kind::Images;
    QString source;  // what was loaded, for messages and the UI
    std::int64_t count = 0;
    int channels = 0, height = 0, width = 0;
    std::vector<std::uint8_t> pixels;  // Images
    std::vector<float> points;         // Points: x0, y0, x1, y1, ...
    std::vector<int> labels;           // per sample where the data has them, else empty
    // Synthetic 2D sets with known modes (for mode coverage).
    std::vector<std::array<double, 2>> modes;
    double modeSigma = 0;
    // Holds no samples: it stands in for the data of a run that is only sampled (sample, walk,
    // directions, the explorer), which need the data's shape but not the data, so that a run
    // whose data grew, changed or is gone can still be explored. Cannot be trained on.
    bool standIn = false;

    Shape sampleShape() const;
};

using ProgressFn = std::function<void(double fraction)>;

struct DatasetLoad {
    std::shared_ptr<const Dataset> data;
    QString error;  // names the file and the problem when data is null
};

namespace datasets {

QString fashionMnistDir();  // /usr/share/datasets/fashion-mnist (GAN_PLAYGROUND_FASHION_MNIST overrides)

// Loads what the spec names. `seed` draws synthetic sets. `progress` may be empty.
DatasetLoad load(const DataSpec &spec, std::uint64_t seed, const ProgressFn &progress = {});

// The labelled test split that belongs to the data, where there is one: Fashion-MNIST's t10k
// files, or for an IDX pair named train-* the t10k-* files beside them. Null data (and no error)
// when there is none or it cannot be read: callers hold out part of the training data instead.
DatasetLoad loadTestSplit(const DataSpec &spec);

// The names of the data's classes by label, where they are known: Fashion-MNIST's ten (source
// texts of the translation context "ClassNames": show
// QCoreApplication::translate("ClassNames", name)), or the subfolders of a labelled image
// folder. Empty otherwise (show the label number).
QStringList classNames(const DataSpec &spec);

// Why `spec`'s conditioning cannot train on the data it names, read without loading it
// (unlabelled data, fewer classes than the data has), in one sentence; empty when it fits or
// cannot be known before loading (a CSV file's labels). Unconditional experiments always fit.
QString conditioningProblem(const ExperimentSpec &spec);
// The same for the loaded data: it has labels, and every label is below the class count.
QString conditioningProblem(const ExperimentSpec &spec, const Dataset &data);
// The number of classes of the data `spec` names, where it is known without loading the data
// (Fashion-MNIST 10, ring8 8, grid25 25, two-moons 2, a labelled image folder's subfolders);
// 0 when unknown or unlabelled.
int knownClassCount(const DataSpec &spec);

// What to call each class of a conditional run, as a person reads it: the data's class names
// (translated), else the label numbers; `spec.conditioning.classes` of them (none for an
// unconditional run).
QStringList classLabels(const ExperimentSpec &spec);

// A dataset of no samples with the shape of the data `spec`'s generator makes (Dataset::standIn).
std::shared_ptr<const Dataset> standIn(const ExperimentSpec &spec);

// The sample shape without loading the data (reads at most a file header); empty with
// `error` set when it cannot be known.
Shape sampleShape(const DataSpec &spec, QString *error = nullptr);

}  // namespace datasets
