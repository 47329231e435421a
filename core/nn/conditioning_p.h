#pragma once

// Private to core's .cpp files and core tests: includes torch.

#include "spec/experimentspec.h"

#include <torch/torch.h>

// How a label reaches a run's networks (ConditioningSpec) and how the discriminator's output is
// read back: the one place the trainer, the frozen copies and the evaluation do it. Every
// function is the identity of an unconditional run (labels may then be undefined).
namespace conditioning {

// [n, classes] float rows, 1 at each label.
torch::Tensor oneHot(const torch::Tensor &labels, int classes);
// What the generator takes: z joined with the labels as one-hot columns.
torch::Tensor generatorInput(const ExperimentSpec &spec, const torch::Tensor &z, const torch::Tensor &labels);
// The same with each sample's class given as weights over the classes ([n, classes] rows, a
// one-hot row for one class): the label embedding is linear in them, so a row (1 - t, t) asks
// for the embedding between two classes.
torch::Tensor generatorInputMixed(const ExperimentSpec &spec, const torch::Tensor &z, const torch::Tensor &weights);
// What the discriminator takes: concat joins one channel per class (images: constant maps; 2D
// points: features); the other kinds take the data alone.
torch::Tensor discriminatorInput(const ExperimentSpec &spec, const torch::Tensor &x, const torch::Tensor &labels);

struct Output {
    torch::Tensor score;        // [n, 1]: what the GAN loss reads
    torch::Tensor classLogits;  // [n, classes]: auxiliary only, else undefined
};
// The discriminator's output read for `labels`: projection adds the class's column
// <embed(y), features> to the score; auxiliary returns the class logits beside it.
Output read(const ExperimentSpec &spec, const torch::Tensor &out, const torch::Tensor &labels);
// D(x | y): the input joined, the network run, the output read, all in fp32 scores.
Output discriminate(torch::nn::Sequential &D, const ExperimentSpec &spec, const torch::Tensor &x, const torch::Tensor &labels);
// `n` labels drawn uniformly from `gen` (on the CPU), as int64.
torch::Tensor randomLabels(std::int64_t n, int classes, at::Generator &gen);
// The labels of a class-aware sample draw: all `label`, or when -1 drawn uniformly from `gen`;
// undefined for an unconditional run.
torch::Tensor sampleLabels(const ExperimentSpec &spec, std::int64_t n, int label, at::Generator &gen);
// The auxiliary classifier's cross-entropy, weighted (0 when not auxiliary).
torch::Tensor classLoss(const ExperimentSpec &spec, const Output &out, const torch::Tensor &labels);

}  // namespace conditioning
