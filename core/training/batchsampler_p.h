#pragma once

// Private to the engine: includes torch.

#include "data/dataset.h"

#include <torch/torch.h>

// Batches of real samples as PyTorch's shuffling DataLoader draws them: a random permutation
// of the dataset, taken in order and drawn anew when used up (a batch may span two).
struct BatchSampler {
    // A read-only view of the dataset's memory: whoever holds the sampler keeps the data alive.
    void setData(const Dataset &data);
    // The next `n` samples on `device`; images scaled from 0..255 to [-1, 1]. Their labels
    // (int64, on `device`) in `labels` when asked for and the data has them.
    torch::Tensor next(std::int64_t n, at::Generator &gen, const torch::Device &device, torch::Tensor *labels = nullptr);

    torch::Tensor order;      // the current permutation (undefined before the first batch)
    std::int64_t cursor = 0;  // the next position in it

private:
    torch::Tensor m_data;  // CPU, uint8 images N x C x H x W or float points N x 2
    torch::Tensor m_labels;  // CPU, int64 N (undefined without labels)
    bool m_images = false;
};
