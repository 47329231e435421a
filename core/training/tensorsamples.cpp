#include "tensorsamples_p.h"

SampleBatch toSampleBatch(const at::Tensor &out, bool raw)
{
    SampleBatch batch;
    const at::Tensor cpu = out.detach().to(at::kCPU).to(at::kFloat).contiguous();  // bf16 runs' too
    batch.count = int(cpu.size(0));
    if (raw)
        batch.values.assign(cpu.data_ptr<float>(), cpu.data_ptr<float>() + cpu.numel());
    if (cpu.dim() == 4) {
        batch.channels = int(cpu.size(1));
        batch.height = int(cpu.size(2));
        batch.width = int(cpu.size(3));
        const at::Tensor bytes = cpu.add(1.0).mul(127.5).round().clamp(0, 255).to(at::kByte)
                                        .permute({0, 2, 3, 1}).contiguous();
        batch.pixels.assign(bytes.data_ptr<std::uint8_t>(), bytes.data_ptr<std::uint8_t>() + bytes.numel());
    } else {
        const at::Tensor f = cpu.to(at::kFloat).reshape({cpu.size(0), -1});
        batch.points.assign(f.data_ptr<float>(), f.data_ptr<float>() + f.numel());
    }
    return batch;
}

at::Tensor imagesFromBytes(const at::Tensor &bytes) { return bytes.to(at::kFloat).div_(127.5).sub_(1.0); }
