#include "dataparallel_p.h"

#include "errortext.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <QCoreApplication>

#include <chrono>
#include <limits>

struct DataParallel::Impl {
    DataParallelConfig config;
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
    double seconds = 0;  // in collectives

    // Runs `work` and counts its time.
    template <typename F>
    void timed(F work)
    {
        const auto began = std::chrono::steady_clock::now();
        work();
        seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
    }
};

namespace {
// Messages a user reads: translated (context "DataParallel").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DataParallel)
};

bool readInt(const char *name, int min, int max, int *value, QString *error)
{
    bool ok = false;
    const int v = qEnvironmentVariable(name).toInt(&ok);
    if (!ok || v < min || v > max) {
        *error = Text::tr("%1=%2 must be a whole number from %3 to %4").arg(QLatin1String(name), qEnvironmentVariable(name)).arg(min).arg(max);
        return false;
    }
    *value = v;
    return true;
}
}  // namespace

std::optional<DataParallelConfig> DataParallelConfig::fromEnvironment(QString *error)
{
    if (qEnvironmentVariableIsEmpty("WORLD_SIZE"))
        return std::nullopt;
    DataParallelConfig c;
    if (!readInt("WORLD_SIZE", 1, 4096, &c.world, error) || !readInt("RANK", 0, c.world - 1, &c.rank, error))
        return std::nullopt;
    if (!qEnvironmentVariableIsEmpty("MASTER_PORT") && !readInt("MASTER_PORT", 1, 65535, &c.masterPort, error))
        return std::nullopt;
    if (!qEnvironmentVariableIsEmpty("MASTER_ADDR"))
        c.masterAddress = qEnvironmentVariable("MASTER_ADDR");
    return c;
}

DataParallel::DataParallel(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
DataParallel::~DataParallel() = default;

int DataParallel::rank() const { return d->config.rank; }
int DataParallel::world() const { return d->config.world; }

std::shared_ptr<DataParallel> DataParallel::connect(const DataParallelConfig &config, QString *error)
{
    auto impl = std::make_unique<Impl>();
    impl->config = config;
    const auto timeout = std::chrono::seconds(config.timeoutSeconds);
    try {
        c10d::TCPStoreOptions options;
        options.port = std::uint16_t(config.masterPort);
        options.isServer = config.rank == 0;
        options.numWorkers = std::size_t(config.world);
        options.timeout = timeout;
        impl->store = c10::make_intrusive<c10d::TCPStore>(config.masterAddress.toStdString(), options);
        auto groupOptions = c10d::ProcessGroupGloo::Options::create();
        groupOptions->timeout = timeout;
        // On one machine the ranks talk over loopback; across machines gloo picks this host's
        // interface from its host name (c10d's default device; not tried here).
        const bool local = config.masterAddress == QLatin1String("127.0.0.1") || config.masterAddress == QLatin1String("localhost");
        groupOptions->devices.push_back(local ? c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1")
                                              : c10d::ProcessGroupGloo::createDefaultDevice());
        impl->group = c10::make_intrusive<c10d::ProcessGroupGloo>(impl->store, config.rank, config.world, groupOptions);
    } catch (const std::exception &e) {
        *error = Text::tr("rank %1 of %2 cannot join the group at %3:%4 (%5)")
                     .arg(config.rank)
                     .arg(config.world)
                     .arg(config.masterAddress)
                     .arg(config.masterPort)
                     .arg(errorText(e));
        return nullptr;
    }
    return std::shared_ptr<DataParallel>(new DataParallel(std::move(impl)));
}

bool DataParallel::any(bool flag)
{
    std::vector<torch::Tensor> t{torch::full({1}, flag ? 1.0f : 0.0f)};
    d->timed([&] { d->group->allreduce(t)->wait(); });
    return t[0].item<float>() > 0;
}

double DataParallel::collectiveSeconds() const { return d->seconds; }

namespace dataparallel {

void broadcast(DataParallel &parallel, const std::vector<torch::Tensor> &tensors)
{
    torch::NoGradGuard noGrad;
    for (const torch::Tensor &t : tensors) {
        std::vector<torch::Tensor> one{t.detach()};
        parallel.impl().group->broadcast(one)->wait();
    }
}

void averageGradients(DataParallel &parallel, const std::vector<torch::Tensor> &params, bool spoiled)
{
    torch::NoGradGuard noGrad;
    c10d::ProcessGroupGloo &group = *parallel.impl().group;
    const double scale = 1.0 / double(parallel.world());
    size_t first = 0;
    while (first < params.size()) {
        // The next bucket: parameters in order until it holds about kBucketBytes.
        size_t last = first;
        std::int64_t bytes = 0;
        while (last < params.size() && (last == first || bytes + params[last].numel() * 4 <= kBucketBytes))
            bytes += params[last++].numel() * 4;
        std::vector<torch::Tensor> flat;
        for (size_t i = first; i < last; ++i) {
            const torch::Tensor &p = params[i];
            flat.push_back(p.grad().defined() ? p.grad().reshape(-1) : torch::zeros({p.numel()}, p.options()));
        }
        std::vector<torch::Tensor> bucket{torch::cat(flat)};
        if (spoiled)
            bucket[0].fill_(std::numeric_limits<float>::quiet_NaN());
        parallel.impl().timed([&] { group.allreduce(bucket)->wait(); });
        bucket[0].mul_(scale);
        std::int64_t at = 0;
        for (size_t i = first; i < last; ++i) {
            torch::Tensor p = params[i];
            const std::int64_t n = p.numel();
            torch::Tensor averaged = bucket[0].slice(0, at, at + n).view(p.sizes());
            if (p.grad().defined())
                p.mutable_grad().copy_(averaged);
            else
                p.mutable_grad() = averaged.clone();
            at += n;
        }
        first = last;
    }
}

}  // namespace dataparallel
