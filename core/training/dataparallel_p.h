#pragma once

// Private to the engine: includes torch (the c10d group itself stays in dataparallel.cpp).

#include "dataparallel.h"
#include "steprecord.h"

#include <torch/torch.h>

#include <vector>

namespace dataparallel {

// PyTorch DDP's default bucket: gradients are flattened into buckets of about this size and
// each bucket reduced in one call.
constexpr std::int64_t kBucketBytes = std::int64_t(25) << 20;

// Rank 0's values of `tensors` on every rank.
void broadcast(DataParallel &group, const std::vector<torch::Tensor> &tensors);
// The gradients of `params` averaged across ranks, in buckets (an undefined gradient counts as
// zeros). `spoiled`: this rank's step failed; every rank's average is made NaN, so that every
// rank undoes the step.
void averageGradients(DataParallel &group, const std::vector<torch::Tensor> &params, bool spoiled);

// The record's losses and mean scores averaged across ranks (each rank's are of its slice).
void averageRecord(DataParallel &group, StepRecord *record);

}  // namespace dataparallel
