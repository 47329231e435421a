#include "dataparallel_p.h"

#include "errortext.h"

#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>

#include <QCoreApplication>

#include <chrono>
#include <limits>

#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>

struct DataParallel::Impl {
    DataParallelConfig config;
    c10::intrusive_ptr<c10d::Store> store;
    c10::intrusive_ptr<c10d::ProcessGroupGloo> group;
    double averaging = 0;  // seconds in the step's collectives (gradients, the record)
    double agreeing = 0;   // seconds in any(): mostly waiting for the slowest rank to get there
    bool lostRankZero = false;  // a failure found the store gone
    bool collectiveFailed = false;

    // Runs `work` and adds its time to `seconds`.
    template <typename F>
    static void timed(double *seconds, F work)
    {
        const auto began = std::chrono::steady_clock::now();
        work();
        *seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - began).count();
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

// Whether a server could listen on `port` of every interface now (as TCPStore's does, with
// SO_REUSEADDR: a port left in TIME_WAIT counts as free).
bool portInUse(int port)
{
    const int s = ::socket(AF_INET, SOCK_STREAM, 0);
    if (s < 0)
        return false;  // no verdict: the store says what went wrong
    const int yes = 1;
    ::setsockopt(s, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof(yes));
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_ANY);
    address.sin_port = htons(std::uint16_t(port));
    const bool inUse = ::bind(s, reinterpret_cast<sockaddr *>(&address), sizeof(address)) != 0 && errno == EADDRINUSE;
    ::close(s);
    return inUse;
}

std::string checkInKey(int rank) { return "gan-playground/checked-in-after-failure/" + std::to_string(rank); }
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
    if (config.rank == 0 && portInUse(config.masterPort)) {
        *error = Text::tr("port %1 is in use on this machine, so rank 0 cannot serve the group there; set MASTER_PORT to a free "
                          "port (--nproc finds one itself)")
                     .arg(config.masterPort);
        return nullptr;
    }
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
        *error = config.rank == 0
            ? Text::tr("rank 0 of %1 cannot serve the group at %2:%3 (%4)")
                  .arg(config.world)
                  .arg(config.masterAddress)
                  .arg(config.masterPort)
                  .arg(errorText(e))
            : Text::tr("rank %1 of %2 cannot join the group at %3:%4 within %5 s (%6); check MASTER_ADDR and MASTER_PORT, and "
                       "that rank 0 runs and this machine can reach it")
                  .arg(config.rank)
                  .arg(config.world)
                  .arg(config.masterAddress)
                  .arg(config.masterPort)
                  .arg(config.timeoutSeconds)
                  .arg(errorText(e));
        return nullptr;
    }
    return std::shared_ptr<DataParallel>(new DataParallel(std::move(impl)));
}

std::optional<bool> DataParallel::any(bool flag, QString *error)
{
    std::vector<torch::Tensor> t{torch::full({1}, flag ? 1.0f : 0.0f)};
    try {
        Impl::timed(&d->agreeing, [&] { d->group->allreduce(t)->wait(); });
    } catch (const std::exception &e) {
        *error = failure(errorText(e));
        return std::nullopt;
    }
    return t[0].item<float>() > 0;
}

bool DataParallel::lostRankZero() const { return d->lostRankZero; }
bool DataParallel::collectiveFailed() const { return d->collectiveFailed; }

QString DataParallel::failure(const QString &what)
{
    const DataParallelConfig &c = d->config;
    d->collectiveFailed = true;
    try {
        d->store->set(checkInKey(c.rank), std::vector<std::uint8_t>{1});
    } catch (const std::exception &) {
        d->lostRankZero = true;
        return Text::tr("rank 0 of %1, which serves the group at %2:%3, is gone (its process ended or cannot be reached), so "
                        "rank %4 ends too (%5)")
            .arg(c.world)
            .arg(c.masterAddress)
            .arg(c.masterPort)
            .arg(c.rank)
            .arg(what);
    }
    if (c.rank != 0)
        return Text::tr("the group of %1 processes failed (%2); rank 0 names the rank that is gone").arg(c.world).arg(what);
    // Rank 0 serves the store: the ranks that do not check in within a moment are gone.
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(std::min(kCheckInSeconds, c.timeoutSeconds));
    QStringList gone;
    for (int r = 1; r < c.world; ++r) {
        const auto left = std::max(std::chrono::milliseconds(1), std::chrono::duration_cast<std::chrono::milliseconds>(
                                                                     deadline - std::chrono::steady_clock::now()));
        try {
            d->store->wait({checkInKey(r)}, left);
        } catch (const std::exception &) {
            gone << QString::number(r);
        }
    }
    if (gone.isEmpty())
        return Text::tr("a collective of the %1 processes failed with every rank still there (%2)").arg(c.world).arg(what);
    return Text::tr("rank(s) %1 of %2 stopped answering (ended or hung), so the run ends (%3)", nullptr, int(gone.size()))
        .arg(gone.join(QLatin1String(", ")))
        .arg(c.world)
        .arg(what);
}

double DataParallel::collectiveSeconds() const { return d->averaging + d->agreeing; }
double DataParallel::averagingSeconds() const { return d->averaging; }
void DataParallel::resetCollectiveSeconds() { d->averaging = d->agreeing = 0; }

namespace dataparallel {
namespace {
// Runs one of the group's collectives (`seconds`, when given, counts its time). A failure
// becomes the sentence that names the rank that is gone (DataParallel::failure), thrown to the
// step, which undoes itself and says it.
template <typename F>
void collective(DataParallel &parallel, double *seconds, F work)
{
    try {
        if (seconds)
            DataParallel::Impl::timed(seconds, work);
        else
            work();
    } catch (const std::exception &e) {
        throw std::runtime_error(parallel.failure(errorText(e)).toStdString());
    }
}
}  // namespace

void broadcast(DataParallel &parallel, const std::vector<torch::Tensor> &tensors)
{
    torch::NoGradGuard noGrad;
    for (const torch::Tensor &t : tensors) {
        std::vector<torch::Tensor> one{t.detach()};
        collective(parallel, nullptr, [&] { parallel.impl().group->broadcast(one)->wait(); });
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
        collective(parallel, &parallel.impl().averaging, [&] { group.allreduce(bucket)->wait(); });
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

void averageRecord(DataParallel &parallel, StepRecord *r)
{
    float *const fields[] = {&r->lossD, &r->lossDReal, &r->lossDFake, &r->lossG, &r->dReal, &r->dFake};
    std::vector<float> values;
    for (float *f : fields)
        values.push_back(*f);
    std::vector<torch::Tensor> t{torch::tensor(values)};
    collective(parallel, &parallel.impl().averaging, [&] { parallel.impl().group->allreduce(t)->wait(); });
    t[0].div_(double(parallel.world()));
    const float *averaged = t[0].data_ptr<float>();
    for (size_t i = 0; i < std::size(fields); ++i)
        *fields[i] = averaged[i];
}

}  // namespace dataparallel
