#pragma once

// Private to core's .cpp files and core tests: includes torch.

#include "generatorcopy.h"

#include <torch/torch.h>

#include <functional>

// Runs `work` on the copy's network (built on first use, in eval mode) while holding the copy's
// lock, so that no render runs through it meanwhile. False, with copy.error() set, when the
// network cannot be built; what `work` throws is passed on (the lock is released).
bool withGeneratorNetwork(GeneratorCopy &copy, const std::function<void(torch::nn::Sequential &)> &work);
