#pragma once

// Private to the engine: includes torch (the c10d group itself stays in dataparallel.cpp).

#include "dataparallel.h"
#include "steprecord.h"

#include <torch/torch.h>

#include <vector>

namespace dataparallel {

// PyTorch DDP's buckets: gradients are flattened into buckets, the first of about
// kFirstBucketBytes (so that sending starts early in backward) and the others of about
// kBucketBytes, and each bucket is reduced in one call.
constexpr std::int64_t kFirstBucketBytes = std::int64_t(1) << 20;
constexpr std::int64_t kBucketBytes = std::int64_t(25) << 20;

// Rank 0's values of `tensors` on every rank.
void broadcast(DataParallel &group, const std::vector<torch::Tensor> &tensors);

// Averages one network's gradients across the ranks, in buckets of its parameters taken in
// reverse order (the order backward makes them). As in PyTorch's DDP, a bucket is sent while
// backward goes on, as soon as backward has made all of its gradients (a hook on each
// parameter copies its gradient in); what is left is sent after backward. The buckets go in
// the same order on every rank, whichever way each was filled.
class GradientAverager {
public:
    explicit GradientAverager(DataParallel &group);
    ~GradientAverager();
    GradientAverager(const GradientAverager &) = delete;
    GradientAverager &operator=(const GradientAverager &) = delete;

    // Before the backward pass that makes the gradients of `params`: buckets are sent as they
    // fill. A rank whose loss is not finite sends nothing early (finish() spoils its buckets).
    void begin(const std::vector<torch::Tensor> &params, bool lossFinite);
    // After it (with or without begin()): sends the rest, waits for every bucket and leaves the
    // average across ranks in each parameter's gradient (an undefined gradient counts as zeros).
    // `spoiled`: this rank's step failed; every rank's average is made NaN, so that every rank
    // undoes the step. A failed collective throws the sentence that names the rank that is gone.
    void finish(const std::vector<torch::Tensor> &params, bool spoiled);

    struct State;

private:
    std::shared_ptr<State> d;
};

// The record's losses and mean scores averaged across ranks (each rank's are of its slice).
void averageRecord(DataParallel &group, StepRecord *record);

}  // namespace dataparallel
