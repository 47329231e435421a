#pragma once

// Private to core's .cpp files: works on torch tensors.

#include "steprecord.h"

#include <ATen/ATen.h>

// Generator output (N x C x H x W in [-1, 1], or N x 2 points) as plain values: images as
// bytes HWC 0..255 (scaled, rounded, clamped once, here), points as floats; with `raw`, the
// outputs as they are in `values` too.
SampleBatch toSampleBatch(const at::Tensor &out, bool raw = false);

// The other way: image bytes (0..255, any layout) as the networks take them, float in [-1, 1].
at::Tensor imagesFromBytes(const at::Tensor &bytes);
