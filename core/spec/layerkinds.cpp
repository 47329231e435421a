#include "layerkinds.h"

#include <QCoreApplication>

namespace {
using Type = LayerParam::Type;

LayerParam intParam(const NumberField &field, int LayerSpec::*value, bool required = false)
{
    LayerParam p{Type::Int, field.key};
    p.number = &field;
    p.intValue = value;
    p.required = required;
    return p;
}

LayerParam doubleParam(const NumberField &field, double LayerSpec::*value)
{
    LayerParam p{Type::Double, field.key};
    p.number = &field;
    p.doubleValue = value;
    return p;
}

LayerParam listParam(const char *key, std::vector<int> LayerSpec::*value, const char *label, const char *tip)
{
    LayerParam p{Type::IntList, key};
    p.listValue = value;
    p.required = true;
    p.label = label;
    p.tip = tip;
    return p;
}

LayerParam boolParam(const char *key, bool LayerSpec::*value, bool fallback, const char *label, const char *tip)
{
    LayerParam p{Type::Bool, key};
    p.boolValue = value;
    p.fallback = fallback;
    p.label = label;
    p.tip = tip;
    return p;
}

// Weighted layers end with these two switches.
std::vector<LayerParam> withWeightSwitches(std::vector<LayerParam> params)
{
    params.push_back(boolParam("bias", &LayerSpec::bias, true, QT_TRANSLATE_NOOP("Fields", "Bias"),
                               QT_TRANSLATE_NOOP("Fields", "Add a learned constant to each output; redundant right before a BatchNorm")));
    params.push_back(boolParam("spectral_norm", &LayerSpec::spectralNorm, false, QT_TRANSLATE_NOOP("Fields", "Spectral norm"),
                               QT_TRANSLATE_NOOP("Fields", "Divide the weights by their largest singular value (power iteration), "
                                                           "keeping the layer 1-Lipschitz; steadies discriminators")));
    return params;
}

std::vector<LayerParam> convolution(bool transposed)
{
    std::vector<LayerParam> p = {intParam(fields::convIn, &LayerSpec::inChannels, true),
                                 intParam(fields::convOut, &LayerSpec::outChannels, true),
                                 intParam(fields::kernel, &LayerSpec::kernel), intParam(fields::stride, &LayerSpec::stride),
                                 intParam(fields::padding, &LayerSpec::padding)};
    if (transposed)
        p.push_back(intParam(fields::outputPadding, &LayerSpec::outputPadding));
    return withWeightSwitches(p);
}

std::vector<LayerKindInfo> makeTable()
{
    LayerParam upsampleMode{Type::UpsampleMode, "mode"};
    upsampleMode.label = QT_TRANSLATE_NOOP("Fields", "Mode");
    upsampleMode.tip = QT_TRANSLATE_NOOP("Fields", "Nearest repeats pixels (blocky, free); bilinear blends neighbours (smooth)");
    const std::vector<LayerParam> batchNorm = {intParam(fields::features, &LayerSpec::numFeatures, true),
                                               doubleParam(fields::normMomentum, &LayerSpec::momentum),
                                               doubleParam(fields::eps, &LayerSpec::eps)};
    return {
        {LayerKind::Linear, "Linear",
         QT_TRANSLATE_NOOP("LayerKinds", "Linear: every output is a weighted sum of all inputs plus a bias. Needs a flat input."),
         withWeightSwitches({intParam(fields::linearIn, &LayerSpec::inFeatures, true),
                             intParam(fields::linearOut, &LayerSpec::outFeatures, true)}),
         true, true},
        {LayerKind::Conv2d, "Conv2d",
         QT_TRANSLATE_NOOP("LayerKinds", "Conv2d: slides small filters over an image; stride 2 halves height and width. The "
                                         "discriminator's workhorse."),
         convolution(false), true, true},
        {LayerKind::ConvTranspose2d, "ConvTranspose2d",
         QT_TRANSLATE_NOOP("LayerKinds", "ConvTranspose2d: the reverse of a strided convolution; stride 2 doubles height and "
                                         "width. The DCGAN generator's upsampler."),
         convolution(true), true, true},
        {LayerKind::Upsample, "Upsample",
         QT_TRANSLATE_NOOP("LayerKinds", "Upsample: enlarges the image by repeating (nearest) or blending (bilinear) pixels; no "
                                         "weights."),
         {intParam(fields::scale, &LayerSpec::scale), upsampleMode}},
        {LayerKind::BatchNorm1d, "BatchNorm1d",
         QT_TRANSLATE_NOOP("LayerKinds", "BatchNorm1d: normalises each feature over the batch; steadies training of flat layers."),
         batchNorm, false, true},
        {LayerKind::BatchNorm2d, "BatchNorm2d",
         QT_TRANSLATE_NOOP("LayerKinds", "BatchNorm2d: normalises each channel over the batch and the image."), batchNorm, false,
         true},
        {LayerKind::InstanceNorm2d, "InstanceNorm2d",
         QT_TRANSLATE_NOOP("LayerKinds", "InstanceNorm2d: normalises each channel of each image on its own, with a learned scale "
                                         "and shift; does not mix samples of a batch, so it suits a discriminator with a "
                                         "gradient penalty."),
         {intParam(fields::features, &LayerSpec::numFeatures, true), doubleParam(fields::eps, &LayerSpec::eps)}, false, true},
        {LayerKind::LayerNorm, "LayerNorm",
         QT_TRANSLATE_NOOP("LayerKinds", "LayerNorm: normalises each sample on its own; does not mix samples of a batch."),
         {listParam("shape", &LayerSpec::normalizedShape, QT_TRANSLATE_NOOP("Fields", "Shape"),
                    QT_TRANSLATE_NOOP("Fields", "The trailing dimensions normalised together, e.g. 64 or 128, 7, 7")),
          doubleParam(fields::eps, &LayerSpec::eps)},
         false, true},
        {LayerKind::Dropout, "Dropout",
         QT_TRANSLATE_NOOP("LayerKinds", "Dropout: zeroes random inputs while training, so the network cannot rely on any "
                                         "single one."),
         {doubleParam(fields::dropout, &LayerSpec::p)}},
        {LayerKind::ReLU, "ReLU", QT_TRANSLATE_NOOP("LayerKinds", "ReLU: keeps positive values, zeroes negative ones."), {}},
        {LayerKind::LeakyReLU, "LeakyReLU",
         QT_TRANSLATE_NOOP("LayerKinds", "LeakyReLU: like ReLU, but negative values keep a small slope, so gradients never "
                                         "vanish completely."),
         {doubleParam(fields::slope, &LayerSpec::slope)}},
        {LayerKind::ELU, "ELU", QT_TRANSLATE_NOOP("LayerKinds", "ELU: smooth for negative values, approaching -alpha."),
         {doubleParam(fields::eluAlpha, &LayerSpec::alpha)}},
        {LayerKind::Tanh, "Tanh",
         QT_TRANSLATE_NOOP("LayerKinds", "Tanh: squashes values into (-1, 1); ends image generators, since images are scaled "
                                         "to [-1, 1]."),
         {}},
        {LayerKind::Sigmoid, "Sigmoid",
         QT_TRANSLATE_NOOP("LayerKinds", "Sigmoid: squashes values into (0, 1). A final Sigmoid in the discriminator is folded "
                                         "into the sigmoid losses (numerically safer); the Wasserstein and hinge losses need "
                                         "raw scores."),
         {}},
        {LayerKind::Flatten, "Flatten",
         QT_TRANSLATE_NOOP("LayerKinds", "Flatten: turns a [C, H, W] image into one vector for a Linear layer."), {}},
        {LayerKind::Reshape, "Reshape",
         QT_TRANSLATE_NOOP("LayerKinds", "Reshape: gives a flat vector a new shape, e.g. [128, 7, 7] after the generator's first "
                                         "Linear layer."),
         {listParam("shape", &LayerSpec::shape, QT_TRANSLATE_NOOP("Fields", "Shape"),
                    QT_TRANSLATE_NOOP("Fields", "New per-sample shape, e.g. 128, 7, 7; must hold as many values as arrive"))}},
    };
}
}  // namespace

namespace layerkind {

const std::vector<LayerKindInfo> &all()
{
    static const std::vector<LayerKindInfo> table = makeTable();
    return table;
}

const LayerKindInfo &info(LayerKind kind)
{
    for (const LayerKindInfo &k : all())
        if (k.kind == kind)
            return k;
    Q_UNREACHABLE();  // tst_layerkinds checks that every kind has its row
}

QString name(LayerKind kind) { return QString::fromLatin1(info(kind).name); }

std::optional<LayerKind> fromName(const QString &name)
{
    for (const LayerKindInfo &k : all())
        if (name == QLatin1String(k.name))
            return k.kind;
    return std::nullopt;
}

QStringList allNames()
{
    QStringList names;
    for (const LayerKindInfo &k : all())
        names << QString::fromLatin1(k.name);
    return names;
}

bool hasWeights(LayerKind kind) { return info(kind).hasWeights; }

QString description(LayerKind kind) { return QCoreApplication::translate("LayerKinds", info(kind).description); }

}  // namespace layerkind
