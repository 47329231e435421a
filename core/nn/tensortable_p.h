#pragma once

// Private to the engine: includes torch.

#include "io/torcharchive.h"

#include <torch/torch.h>

#include <QString>

#include <map>
#include <vector>

// What an archive of ours must hold, tensor by tensor, compared with what torcharchive read from
// a file before LibTorch parses it: a checkpoint of another experiment, an altered file or a
// cache from another version is refused naming the tensor, where LibTorch would load the wrong
// type silently or fail later with an error that names no file.
namespace tensortable {

struct Expected {
    c10::ScalarType type = c10::ScalarType::Float;
    std::vector<std::int64_t> sizes;  // -1: any length in that dimension
    bool required = true;             // false: may be absent (an optimiser's state before its first step)
};
using Table = std::map<QString, Expected>;

// The parameters and buffers of `module` as Module::save writes them, under `prefix`.
void addModule(Table &table, const QString &prefix, const torch::nn::Module &module);

// The state an optimiser saved under `prefix` may hold for each of its parameters: tensors of the
// parameter's type and shape under state/KEY/, KEY being the name the file gives that parameter.
void addOptimizer(Table &table, const torcharchive::Contents &contents, const QString &prefix, torch::optim::Optimizer &optimizer);

// Empty when every tensor of `contents` is in `table` with its type and shape and every
// required one is there; otherwise what differs, naming the tensor.
QString compare(const torcharchive::Contents &contents, const Table &table);

}  // namespace tensortable
