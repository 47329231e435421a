#include "batchsampler_p.h"

#include "tensorsamples_p.h"

void BatchSampler::setData(const Dataset &d)
{
    m_images = d.kind == Dataset::Kind::Images;
    void *raw = m_images ? static_cast<void *>(const_cast<std::uint8_t *>(d.pixels.data()))
                         : static_cast<void *>(const_cast<float *>(d.points.data()));
    m_data = m_images ? torch::from_blob(raw, {d.count, d.channels, d.height, d.width}, torch::kUInt8)
                      : torch::from_blob(raw, {d.count, 2}, torch::kFloat);
    m_labels = std::int64_t(d.labels.size()) == d.count && d.count > 0
        ? torch::from_blob(const_cast<int *>(d.labels.data()), {d.count}, torch::kInt).to(torch::kLong)
        : torch::Tensor();
}

torch::Tensor BatchSampler::next(std::int64_t n, at::Generator &gen, const torch::Device &device, torch::Tensor *labels)
{
    const std::int64_t count = m_data.size(0);
    std::vector<torch::Tensor> parts;
    std::int64_t needed = n;
    while (needed > 0) {
        if (!order.defined() || cursor >= count) {
            order = torch::randperm(count, gen, torch::TensorOptions().dtype(torch::kLong));
            cursor = 0;
        }
        const std::int64_t take = std::min(needed, count - cursor);
        parts.push_back(order.slice(0, cursor, cursor + take));
        cursor += take;
        needed -= take;
    }
    const torch::Tensor idx = parts.size() == 1 ? parts[0] : torch::cat(parts);
    if (labels && m_labels.defined())
        *labels = m_labels.index_select(0, idx).to(device);
    torch::Tensor batch = m_data.index_select(0, idx).to(device);
    if (m_images)
        return imagesFromBytes(batch);
    return batch;
}
