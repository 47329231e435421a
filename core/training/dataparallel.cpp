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
    int bucketsOverlapped = 0;  // gradient buckets sent while backward ran
    int bucketsSent = 0;
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
int DataParallel::bucketsOverlapped() const { return d->bucketsOverlapped; }
int DataParallel::bucketsSent() const { return d->bucketsSent; }
void DataParallel::resetCollectiveSeconds()
{
    d->averaging = d->agreeing = 0;
    d->bucketsOverlapped = d->bucketsSent = 0;
}

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

struct GradientAverager::State {
    struct Bucket {
        std::vector<size_t> members;      // indices into params
        std::vector<torch::Tensor> flat;  // one tensor: the bucket as sent
        int waiting = 0;                  // members whose gradient is not in flat yet
        c10::intrusive_ptr<c10d::Work> work;  // once sent
    };

    DataParallel *group = nullptr;
    std::vector<torch::Tensor> params;  // the parameters the buckets are laid out for
    std::vector<std::pair<size_t, unsigned>> hooks;  // parameter, its hook
    std::vector<size_t> bucketOf;        // per parameter
    std::vector<std::int64_t> offsetOf;  // per parameter: where it starts in its bucket
    std::vector<char> arrived;           // per parameter: its gradient is in its bucket
    std::vector<Bucket> buckets;
    size_t nextToSend = 0;  // buckets go in order, the same on every rank
    bool armed = false;     // between begin() and finish(): the hooks fill the buckets

    // Whether `other` are the parameters the buckets were laid out for (loading a checkpoint
    // makes new modules).
    bool laidOutFor(const std::vector<torch::Tensor> &other) const
    {
        if (buckets.empty() || other.size() != params.size())
            return false;
        for (size_t k = 0; k < params.size(); ++k)
            if (!other[k].is_same(params[k]))
                return false;
        return true;
    }

    void removeHooks()
    {
        for (const auto &[k, hook] : hooks)
            params[k].remove_hook(hook);
        hooks.clear();
    }

    void layOut(const std::vector<torch::Tensor> &ps, const std::weak_ptr<State> &self)
    {
        removeHooks();
        params = ps;
        buckets.clear();
        bucketOf.assign(params.size(), 0);
        offsetOf.assign(params.size(), 0);
        // Reverse order: the last layers' gradients come first in backward.
        std::int64_t cap = kFirstBucketBytes, size = 0;
        for (size_t k = params.size(); k-- > 0;) {
            const std::int64_t n = params[k].numel();
            if (buckets.empty() || (size > 0 && (size + n) * std::int64_t(sizeof(float)) > cap)) {
                if (!buckets.empty()) {
                    cap = kBucketBytes;
                    buckets.back().flat = {torch::zeros({size}, params[k].options())};
                }
                buckets.emplace_back();
                size = 0;
            }
            buckets.back().members.push_back(k);
            bucketOf[k] = buckets.size() - 1;
            offsetOf[k] = size;
            size += n;
        }
        if (!buckets.empty())
            buckets.back().flat = {torch::zeros({size}, params[0].options())};
        // The hooks hold the state weakly: the parameters hold the hooks and may outlive it.
        for (size_t k = 0; k < params.size(); ++k)
            if (params[k].requires_grad())
                hooks.emplace_back(k, params[k].register_hook([self, k](const torch::Tensor &grad) {
                    if (const std::shared_ptr<State> state = self.lock())
                        state->made(k, grad);
                }));
    }

    torch::Tensor slot(size_t k) { return buckets[bucketOf[k]].flat[0].slice(0, offsetOf[k], offsetOf[k] + params[k].numel()); }

    // Backward made parameter k's gradient `grad` (a hook runs before it is added to .grad).
    void made(size_t k, const torch::Tensor &grad)
    {
        if (!armed || arrived[k])
            return;
        torch::NoGradGuard noGrad;
        torch::Tensor into = slot(k);
        into.copy_(grad.reshape(-1));
        if (params[k].grad().defined())
            into.add_(params[k].grad().reshape(-1));  // what .grad holds after this backward
        arrived[k] = 1;
        --buckets[bucketOf[k]].waiting;
        try {
            send(true);
        } catch (const std::exception &) {
            // Not sent: finish() tries again and names what failed.
        }
    }

    // Sends, in order, the buckets whose gradients are all in (gloo's threads do the work).
    void send(bool duringBackward)
    {
        while (nextToSend < buckets.size() && buckets[nextToSend].waiting == 0) {
            Bucket &bucket = buckets[nextToSend];
            bucket.work = group->impl().group->allreduce(bucket.flat);
            ++nextToSend;
            ++group->impl().bucketsSent;
            if (duringBackward)
                ++group->impl().bucketsOverlapped;
        }
    }

    void reset()
    {
        arrived.assign(params.size(), 0);
        for (Bucket &bucket : buckets) {
            bucket.flat[0].zero_();
            bucket.waiting = int(bucket.members.size());
            bucket.work.reset();
        }
        nextToSend = 0;
    }
};

GradientAverager::GradientAverager(DataParallel &group) : d(std::make_shared<State>()) { d->group = &group; }

GradientAverager::~GradientAverager() { d->removeHooks(); }

void GradientAverager::begin(const std::vector<torch::Tensor> &params, bool lossFinite)
{
    if (!d->laidOutFor(params))
        d->layOut(params, d);
    d->reset();
    d->armed = lossFinite;
}

void GradientAverager::finish(const std::vector<torch::Tensor> &params, bool spoiled)
{
    torch::NoGradGuard noGrad;
    if (params.empty())
        return;
    if (!d->armed) {
        // No hooks this time (the hand-written MLP path, a loss that was not finite): every
        // bucket is filled from the gradients now.
        if (!d->laidOutFor(params))
            d->layOut(params, d);
        d->reset();
    }
    d->armed = false;
    // What backward did not make: the gradient as it is (zeros when undefined).
    for (size_t k = 0; k < params.size(); ++k) {
        if (d->arrived[k])
            continue;
        if (params[k].grad().defined())
            d->slot(k).copy_(params[k].grad().reshape(-1));
        --d->buckets[d->bucketOf[k]].waiting;
    }
    if (spoiled)
        for (size_t b = d->nextToSend; b < d->buckets.size(); ++b)
            d->buckets[b].flat[0].fill_(std::numeric_limits<float>::quiet_NaN());
    DataParallel &parallel = *d->group;
    collective(parallel, &parallel.impl().averaging, [&] {
        d->send(false);
        for (State::Bucket &bucket : d->buckets)
            bucket.work->wait();
    });
    const double scale = 1.0 / double(parallel.world());
    for (State::Bucket &bucket : d->buckets) {
        bucket.flat[0].mul_(scale);
        for (size_t k : bucket.members) {
            torch::Tensor p = params[k];
            const torch::Tensor averaged = d->slot(k).view(p.sizes());
            if (p.grad().defined())
                p.mutable_grad().copy_(averaged);
            else
                p.mutable_grad() = averaged.clone();
        }
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
