#pragma once

#include "fields.h"

#include <QString>
#include <QStringList>

#include <cstdint>
#include <optional>
#include <vector>

// One layer of a generator or discriminator stack, as the user designs it.
// Plain value type: no torch, cheap to copy across threads.
enum class LayerKind {
    Linear,
    Conv2d,
    ConvTranspose2d,
    Upsample,
    BatchNorm1d,
    BatchNorm2d,
    InstanceNorm2d,
    LayerNorm,
    Dropout,
    ReLU,
    LeakyReLU,
    ELU,
    Tanh,
    Sigmoid,
    Flatten,
    Reshape,  // the last: kLayerKindCount counts up to it
};
constexpr int kLayerKindCount = int(LayerKind::Reshape) + 1;

enum class UpsampleMode { Nearest, Bilinear };

struct LayerSpec {
    QString id;  // stable across edits and reorders; becomes the checkpoint key (no dots)
    LayerKind kind = LayerKind::ReLU;

    // Linear
    int inFeatures = 0;
    int outFeatures = 0;
    // Conv2d / ConvTranspose2d
    int inChannels = 0;
    int outChannels = 0;
    int kernel = fields::kernel.defaultInt();
    int stride = fields::stride.defaultInt();
    int padding = fields::padding.defaultInt();
    int outputPadding = fields::outputPadding.defaultInt();  // ConvTranspose2d only
    // Linear / Conv2d / ConvTranspose2d
    bool bias = true;
    bool spectralNorm = false;
    // BatchNorm1d / BatchNorm2d / InstanceNorm2d
    int numFeatures = 0;
    // LayerNorm: normalised trailing shape
    std::vector<int> normalizedShape;
    // BatchNorm / InstanceNorm2d / LayerNorm
    double eps = fields::eps.fallback;
    double momentum = fields::normMomentum.fallback;  // BatchNorm running-statistics momentum
    // Upsample
    int scale = fields::scale.defaultInt();
    UpsampleMode mode = UpsampleMode::Nearest;
    // Dropout
    double p = fields::dropout.fallback;
    // LeakyReLU
    double slope = fields::slope.fallback;
    // ELU
    double alpha = fields::eluAlpha.fallback;
    // Reshape: per-sample target shape
    std::vector<int> shape;

    bool operator==(const LayerSpec &o) const;
    bool operator!=(const LayerSpec &o) const { return !(*this == o); }

    // Convenience constructors used by presets and tests.
    static LayerSpec linear(int in, int out, bool bias = true);
    static LayerSpec conv2d(int in, int out, int kernel, int stride, int padding, bool bias = true);
    static LayerSpec convTranspose2d(int in, int out, int kernel, int stride, int padding,
                                     int outputPadding = 0, bool bias = true);
    static LayerSpec batchNorm1d(int features);
    static LayerSpec batchNorm2d(int features);
    static LayerSpec leakyRelu(double slope);
    static LayerSpec dropout(double p);
    static LayerSpec reshape(std::vector<int> shape);
    static LayerSpec simple(LayerKind kind);
};

// What each kind is lives in one table (layerkinds.h); these read it.
namespace layerkind {
QString name(LayerKind kind);                       // "ConvTranspose2d"
std::optional<LayerKind> fromName(const QString &name);
QStringList allNames();
bool hasWeights(LayerKind kind);                    // Linear / Conv2d / ConvTranspose2d
}  // namespace layerkind
