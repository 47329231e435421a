#pragma once

// Private to core's .cpp files and core tests: includes torch.

#include "generatorcopy.h"

#include <torch/torch.h>

#include <functional>

// Runs `work` on the copy's network (built on first use, in eval mode), which it must only read
// (forward passes under NoGradGuard): other threads may be rendering through it meanwhile.
// False, with `error` set, when the network cannot be built; what `work` throws is passed on.
bool withGeneratorNetwork(const GeneratorCopy &copy, const std::function<void(torch::nn::Sequential &)> &work, QString *error);
