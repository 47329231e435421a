#pragma once

// Private to the engine: includes torch.

#include "batchsampler_p.h"
#include "steprecord.h"

#include "data/dataset.h"
#include "spec/experimentspec.h"

#include <torch/torch.h>

#include <memory>
#include <vector>

// Everything a run holds: what the trainer steps and what a checkpoint saves and restores.
struct TrainerState {
    ExperimentSpec spec;
    std::shared_ptr<const Dataset> data;  // kept alive here: the sampler views its memory
    torch::Device device{torch::kCPU};
    at::Generator gen;                    // the run's one random stream
    torch::nn::Sequential G{nullptr}, D{nullptr}, Gema{nullptr};
    std::unique_ptr<torch::optim::Optimizer> optG, optD;
    BatchSampler batches;
    torch::Tensor evalNoise;              // the fixed noise of the sample grid (classgrid::noiseCount rows)
    std::int64_t step = 0;
    std::vector<StepRecord> history;
    std::vector<QualityRecord> quality;   // image measures taken during the run, by step
};
