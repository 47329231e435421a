#include "layerspec.h"

#include <utility>


bool LayerSpec::operator==(const LayerSpec &o) const
{
    return id == o.id && kind == o.kind && inFeatures == o.inFeatures && outFeatures == o.outFeatures
        && inChannels == o.inChannels && outChannels == o.outChannels && kernel == o.kernel
        && stride == o.stride && padding == o.padding && outputPadding == o.outputPadding
        && bias == o.bias && spectralNorm == o.spectralNorm && numFeatures == o.numFeatures
        && normalizedShape == o.normalizedShape && eps == o.eps && momentum == o.momentum
        && scale == o.scale && mode == o.mode && p == o.p && slope == o.slope && alpha == o.alpha
        && shape == o.shape;
}

LayerSpec LayerSpec::linear(int in, int out, bool bias)
{
    LayerSpec l;
    l.kind = LayerKind::Linear;
    l.inFeatures = in;
    l.outFeatures = out;
    l.bias = bias;
    return l;
}

LayerSpec LayerSpec::conv2d(int in, int out, int kernel, int stride, int padding, bool bias)
{
    LayerSpec l;
    l.kind = LayerKind::Conv2d;
    l.inChannels = in;
    l.outChannels = out;
    l.kernel = kernel;
    l.stride = stride;
    l.padding = padding;
    l.bias = bias;
    return l;
}

LayerSpec LayerSpec::convTranspose2d(int in, int out, int kernel, int stride, int padding,
                                     int outputPadding, bool bias)
{
    LayerSpec l = conv2d(in, out, kernel, stride, padding, bias);
    l.kind = LayerKind::ConvTranspose2d;
    l.outputPadding = outputPadding;
    return l;
}

LayerSpec LayerSpec::batchNorm1d(int features)
{
    LayerSpec l;
    l.kind = LayerKind::BatchNorm1d;
    l.numFeatures = features;
    return l;
}

LayerSpec LayerSpec::batchNorm2d(int features)
{
    LayerSpec l = batchNorm1d(features);
    l.kind = LayerKind::BatchNorm2d;
    return l;
}

LayerSpec LayerSpec::leakyRelu(double slope)
{
    LayerSpec l;
    l.kind = LayerKind::LeakyReLU;
    l.slope = slope;
    return l;
}

LayerSpec LayerSpec::dropout(double p)
{
    LayerSpec l;
    l.kind = LayerKind::Dropout;
    l.p = p;
    return l;
}

LayerSpec LayerSpec::reshape(std::vector<int> shape)
{
    LayerSpec l;
    l.kind = LayerKind::Reshape;
    l.shape = std::move(shape);
    return l;
}

LayerSpec LayerSpec::simple(LayerKind kind)
{
    LayerSpec l;
    l.kind = kind;
    return l;
}
