#pragma once

#include "experimentspec.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

using Shape = std::vector<std::int64_t>;  // per sample, without the batch dimension

QString shapeToString(const Shape &shape);  // "[128, 7, 7]"
QString dimsText(const std::vector<int> &dims);  // "128, 7, 7": as typed in the layer editor

struct LayerAnalysis {
    Shape inShape;
    Shape outShape;          // empty when it cannot be known (an earlier problem)
    std::int64_t parameters = 0;
    double flops = 0;        // forward, per sample (a multiply-add counts as 2)
    QStringList problems;    // full sentences naming network, layer and kind
};

// The block by which a conditional network takes the class label (ConditioningSpec), shown in
// the designer like a layer: the generator's label embedding joined to z; the discriminator's
// label channels (concat), projection embedding or auxiliary classifier head.
struct LabelBlock {
    QString name;            // "label embedding", "label channels", "projection", "class head" (translated)
    Shape inShape;           // what the block takes: [classes] (a label), or the features it reads
    Shape outShape;          // what it hands on: [latent + embedding], [channels + classes, H, W], ...
    std::int64_t parameters = 0;
    double flops = 0;        // forward, per sample
};

struct NetworkAnalysis {
    NetworkRole role = NetworkRole::Generator;
    std::optional<LabelBlock> label;  // conditional runs only
    Shape inShape;
    std::vector<LayerAnalysis> layers;
    Shape outShape;
    std::int64_t parameters = 0;
    double flops = 0;
    QStringList problems;    // every problem of this network, layer problems included, in order
};

struct ExperimentAnalysis {
    NetworkAnalysis generator;
    NetworkAnalysis discriminator;
    QStringList problems;    // all problems: training cannot start while any exist
    QStringList warnings;    // legal but probably not meant
    double memoryBytes = 0;  // estimated memory of training: weights, optimiser state, activations
    bool ok() const { return problems.isEmpty(); }
    // FLOPs of one training step (one G update and dStepsPerG D updates), forward + backward
    // as the trainer runs them: used to report achieved GFLOP/s.
    double trainingStepFlops(const ExperimentSpec &spec) const;
};

// Shape, parameter and FLOP inference from the spec alone; needs no torch.
// `dataShape` is one real sample's shape (e.g. [1, 28, 28], or [2] for 2D points).
class ShapeInference {
public:
    static NetworkAnalysis analyzeNetwork(const NetworkSpec &network, NetworkRole role, const Shape &input);
    // What each network's first layer takes: z ([latent], joined with the label embedding in a
    // conditional run), and the data's shape (with one channel or feature per class for concat
    // conditioning).
    static Shape generatorInput(const ExperimentSpec &spec);
    static Shape discriminatorInput(const ExperimentSpec &spec, const Shape &dataShape);
    // Layers or a run that cannot fit in `memoryBudget` bytes are problems (the budget this
    // process has when negative: memorybudget::availableBytes()).
    static ExperimentAnalysis analyze(const ExperimentSpec &spec, const Shape &dataShape, std::int64_t memoryBudget = -1);
    // "generator layer 4 (ConvTranspose2d)"
    static QString layerName(NetworkRole role, int index, LayerKind kind);
};
