#pragma once

// Private to core's .cpp files and core tests: includes torch.

#include "generatorcopy.h"

#include <torch/torch.h>

#include <functional>

// Runs `work` on the copy's network (built on first use, in eval mode, on the copy's device),
// which it must only read (forward passes under NoGradGuard): other threads may be rendering
// through it meanwhile. Inputs go to the network's device (networkDevice) first.
// False, with `error` set, when the network cannot be built; what `work` throws is passed on.
bool withGeneratorNetwork(const GeneratorCopy &copy, const std::function<void(torch::nn::Sequential &)> &work, QString *error);

// Where `net`'s parameters are (the CPU for a network without any).
torch::Device networkDevice(const torch::nn::Sequential &net);
