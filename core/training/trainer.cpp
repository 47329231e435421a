#include "trainerimpl_p.h"

#include "dataparallel_p.h"
#include "ema_p.h"
#include "errortext.h"
#include "losses_p.h"
#include "optimizers_p.h"
#include "regularisers_p.h"

#include "spec/classgrid.h"

#include "nn/torchmodules_p.h"

#include <ATen/autocast_mode.h>
#include <torch/version.h>

#include <QCoreApplication>
#include <QFile>
#include <chrono>
#include <cmath>
#include <mutex>
#include <optional>
#include <thread>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {
// Messages a user reads: translated (context "Trainer").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Trainer)
};
}  // namespace

namespace {

constexpr std::uint64_t kEvalNoiseSeedOffset = 0x9E3779B97F4A7C15ull;  // keeps eval noise apart from training draws

// glibc hands blocks over 128 KiB straight back to the kernel when freed (its mmap threshold),
// so each activation tensor of a training step is fresh memory the kernel must fault in and
// clear. Measured with perf: a quarter of a 2D step's time in page faults; images/s of
// dcgan-fashion up 16% (1 thread) and 21% (2 threads) with freed memory kept for reuse.
void keepFreedMemoryForReuse()
{
#ifdef __GLIBC__
    static std::once_flag once;
    std::call_once(once, [] {
        mallopt(M_MMAP_THRESHOLD, 64 << 20);
        mallopt(M_TRIM_THRESHOLD, 256 << 20);
    });
#endif
}

// The L2 norm of all gradients together (undefined ones count as 0). On the CPU one loop per
// tensor: small nets have many small tensors, and per-tensor norm operations cost more than
// the arithmetic.
float gradientNorm(const std::vector<torch::Tensor> &params)
{
    double sum = 0;
    for (const torch::Tensor &p : params) {
        const torch::Tensor &g = p.grad();
        if (!g.defined())
            continue;
        if (g.is_cpu() && g.scalar_type() == torch::kFloat && g.is_contiguous()) {
            const float *v = g.data_ptr<float>();
            for (int64_t i = 0, n = g.numel(); i < n; ++i)
                sum += double(v[i]) * v[i];
        } else {
            sum += g.to(torch::kDouble).pow(2).sum().item<double>();
        }
    }
    return float(std::sqrt(sum));
}

QString describeNonFinite(float value)
{
    return std::isnan(value) ? QStringLiteral("NaN") : Text::tr("infinite");
}


}  // namespace

std::unique_ptr<Trainer::Impl> Trainer::Impl::create(const ExperimentSpec &s, std::shared_ptr<const Dataset> data, QString *error)
{
    keepFreedMemoryForReuse();
    auto impl = std::make_unique<Impl>();
    impl->spec = s;
    impl->spec.generator.assignMissingIds(QStringLiteral("g"));
    impl->spec.discriminator.assignMissingIds(QStringLiteral("d"));
    impl->data = std::move(data);
    if (!impl->data || (impl->data->count < 1 && !impl->data->standIn)) {
        *error = Text::tr("no training data is loaded");
        return nullptr;
    }
    if (const QString problem = deviceProblem(s.device); !problem.isEmpty()) {
        *error = problem;
        return nullptr;
    }
    if (const QString problem = precisionProblem(s); !problem.isEmpty()) {
        *error = problem;
        return nullptr;
    }
    if (const QString problem = datasets::conditioningProblem(s, *impl->data); !problem.isEmpty()) {
        *error = problem;
        return nullptr;
    }
    impl->device = torch::Device(resolveDevice(s.device).toStdString());
    impl->threads = std::max(1, s.threads);
    at::set_num_threads(impl->threads);
    try {
        impl->gen = makeGenerator(s.seed);
        // The random draws come in PyTorch's order for `G = ...; D = ...; G.apply(init);
        // D.apply(init)` followed by a permutation and then noise each step: with the same seed
        // a run starts from the same weights and sees the same batches as that PyTorch script
        // (tests/benchmarks/dcgan_fashion.py; tst_trainer pins step 1 to its values, and
        // tests/benchmarks/compare_metrics.py compares whole runs).
        impl->G = modulebuilder::buildNetwork(impl->spec, NetworkRole::Generator, impl->gen);
        impl->D = modulebuilder::buildNetwork(impl->spec, NetworkRole::Discriminator, impl->gen);
        if (s.dcganInit) {
            modulebuilder::applyDcganInit(impl->G, impl->gen);
            modulebuilder::applyDcganInit(impl->D, impl->gen);
        }
        impl->G->to(impl->device);
        impl->D->to(impl->device);
        if (s.emaDecay > 0)
            impl->Gema = ema::copyOf(impl->spec, impl->G, impl->device);
        impl->optG = optimizers::make(s.optimizerG, impl->G->parameters());
        impl->optD = optimizers::make(s.optimizerD, impl->D->parameters());
        at::Generator evalGen = makeGenerator(s.seed + kEvalNoiseSeedOffset);
        impl->evalNoise = impl->noise(classgrid::noiseCount(s), evalGen);

        if (!impl->data->standIn)
            impl->batches.setData(*impl->data);
    } catch (const std::exception &e) {
        // c10::Error (the allocator's refusal among them) or std::bad_alloc.
        *error = Text::tr("cannot build the networks: %1; make the layers or the batch smaller")
                     .arg(errorText(e));
        return nullptr;
    }
    return impl;
}

QString Trainer::joinDataParallel(std::shared_ptr<DataParallel> group)
{
    if (!group || group->world() <= 1) {
        d->parallel.reset();
        d->averageD.reset();
        d->averageG.reset();
        return QString();
    }
    if (d->spec.batchSize % group->world() != 0)
        return Text::tr("the batch of %1 does not divide among %2 processes; choose a batch that is a multiple of %2")
            .arg(d->spec.batchSize)
            .arg(group->world());
    // Rank 0's weights and buffers everywhere (the same seed builds the same ones; a rank that
    // resumed from another checkpoint would not).
    std::vector<torch::Tensor> state;
    for (const torch::nn::Sequential &net : {d->G, d->D, d->Gema}) {
        if (!net)
            continue;
        for (const torch::Tensor &t : net->parameters())
            state.push_back(t);
        for (const torch::Tensor &t : net->buffers())
            state.push_back(t);
    }
    try {
        dataparallel::broadcast(*group, state);
    } catch (const std::exception &e) {
        return errorText(e);
    }
    d->parallel = group;
    d->averageD = std::make_shared<dataparallel::GradientAverager>(*group);
    d->averageG = std::make_shared<dataparallel::GradientAverager>(*group);
    return QString();
}

QString Trainer::deviceProblem(const QString &device)
{
    if (device == QLatin1String("auto"))
        return QString();
    std::optional<torch::Device> d;
    try {
        d = torch::Device(device.toStdString());
    } catch (const c10::Error &) {
        return Text::tr("device \"%1\" is not a device name; use auto, cpu, cuda or cuda:N").arg(device);
    }
    if (d->is_cpu())  // one CPU device: "cpu:3" names nothing
        return d->has_index() ? Text::tr("device \"%1\": the CPU has no index; use cpu").arg(device) : QString();
    if (!d->is_cuda())
        return Text::tr("device \"%1\" is not one this program trains on; use auto, cpu, cuda or cuda:N").arg(device);
    if (!buildHasCuda())
        return Text::tr("this build's LibTorch has no CUDA support; build against a CUDA LibTorch (README) or use --device cpu");
    if (!torch::cuda::is_available())
        return Text::tr("this build's LibTorch has CUDA, but it sees no GPU here (driver or CUDA_VISIBLE_DEVICES?); use --device cpu");
    const int count = int(torch::cuda::device_count());
    if (d->has_index() && d->index() >= count)
        return Text::tr("there is no GPU cuda:%1 here: this machine has %n GPU(s)", nullptr, count).arg(d->index());
    return QString();
}

namespace {
// The value of the first line of /proc/cpuinfo that starts with `field` ("model name", "flags").
QByteArray cpuInfo(const char *field)
{
    QFile info(QStringLiteral("/proc/cpuinfo"));
    if (info.open(QIODevice::ReadOnly))
        for (const QByteArray &line : info.readAll().split('\n'))
            if (line.startsWith(field))
                return line.mid(line.indexOf(':') + 1).simplified();
    return QByteArray();
}

// Whether this CPU computes in bfloat16 natively (AVX512-BF16 or AMX), as the kernel lists it.
bool cpuHasBf16()
{
    static const bool has = [] {
        const QList<QByteArray> flags = cpuInfo("flags").split(' ');
        return flags.contains("avx512_bf16") || flags.contains("amx_bf16");
    }();
    return has;
}

// Autocast to bfloat16 for the scope (a substep): convolutions and linear layers compute in
// bf16, the rest as it is. Autocast's switch is per thread; the state before is put back.
class AutocastScope {
public:
    AutocastScope(bool on, c10::DeviceType type) : m_on(on), m_type(type)
    {
        if (!m_on)
            return;
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        m_was = at::autocast::is_autocast_enabled(type);
        m_dtype = at::autocast::get_autocast_dtype(type);
        at::autocast::set_autocast_enabled(type, true);
        at::autocast::set_autocast_dtype(type, at::kBFloat16);
#else
        if (type == c10::DeviceType::CPU) {
            m_was = at::autocast::is_cpu_enabled();
            m_dtype = at::autocast::get_autocast_cpu_dtype();
            at::autocast::set_cpu_enabled(true);
            at::autocast::set_autocast_cpu_dtype(at::kBFloat16);
        } else {
            m_was = at::autocast::is_enabled();
            m_dtype = at::autocast::get_autocast_gpu_dtype();
            at::autocast::set_enabled(true);
            at::autocast::set_autocast_gpu_dtype(at::kBFloat16);
        }
#endif
        at::autocast::increment_nesting();
    }
    ~AutocastScope()
    {
        if (!m_on)
            return;
        if (at::autocast::decrement_nesting() == 0)
            at::autocast::clear_cache();  // the bf16 copies of the weights, made again next time
#if TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4)
        at::autocast::set_autocast_enabled(m_type, m_was);
        at::autocast::set_autocast_dtype(m_type, m_dtype);
#else
        if (m_type == c10::DeviceType::CPU) {
            at::autocast::set_cpu_enabled(m_was);
            at::autocast::set_autocast_cpu_dtype(m_dtype);
        } else {
            at::autocast::set_enabled(m_was);
            at::autocast::set_autocast_gpu_dtype(m_dtype);
        }
#endif
    }
    AutocastScope(const AutocastScope &) = delete;
    AutocastScope &operator=(const AutocastScope &) = delete;

private:
    bool m_on;
    c10::DeviceType m_type;
    bool m_was = false;
    at::ScalarType m_dtype = at::kBFloat16;
};
}  // namespace

QString Trainer::precisionProblem(const ExperimentSpec &spec)
{
    if (spec.precision != Precision::Bf16 || !deviceProblem(spec.device).isEmpty())
        return QString();
    if (resolveDevice(spec.device) == QLatin1String("cpu") && !cpuHasBf16())
        return Text::tr("this CPU has no bfloat16 arithmetic (AVX512-BF16 or AMX), which bf16 needs; use precision fp32 "
                        "(--precision fp32)");
    return QString();
}

QString Trainer::resolveDevice(const QString &device)
{
    if (device != QLatin1String("auto"))
        return device;
    return torch::cuda::is_available() ? QStringLiteral("cuda:0") : QStringLiteral("cpu");
}

QStringList Trainer::availableDevices()
{
    QStringList out{QStringLiteral("auto"), QStringLiteral("cpu")};
    if (torch::cuda::is_available())
        for (size_t i = 0; i < torch::cuda::device_count(); ++i)
            out << QStringLiteral("cuda:%1").arg(i);
    return out;
}

bool Trainer::buildHasCuda()
{
#ifdef GP_TORCH_CUDA
    return true;
#else
    return false;
#endif
}

QString Trainer::deviceName(const QString &device)
{
    const QString resolved = resolveDevice(device);
    if (resolved != QLatin1String("cpu"))
        return Text::tr("GPU %1").arg(resolved);
    static const QString model = QString::fromUtf8(cpuInfo("model name"));  // as the kernel names the processor
    const int cores = int(std::thread::hardware_concurrency());
    return model.isEmpty() ? Text::tr("CPU (%n core(s))", nullptr, cores) : Text::tr("CPU (%1, %n core(s))", nullptr, cores).arg(model);
}

std::unique_ptr<Trainer> Trainer::create(const ExperimentSpec &spec, std::shared_ptr<const Dataset> data, QString *error)
{
    auto impl = Impl::create(spec, std::move(data), error);
    if (!impl)
        return nullptr;
    return std::unique_ptr<Trainer>(new Trainer(std::move(impl)));
}

Trainer::Trainer(std::unique_ptr<Impl> impl) : d(std::move(impl)) {}
Trainer::~Trainer() = default;

std::int64_t Trainer::currentStep() const { return d->step; }
const std::vector<StepRecord> &Trainer::history() const { return d->history; }

void Trainer::addQuality(const QualityRecord &record)
{
    if (record.step < 1 || record.step > d->step || (!d->quality.empty() && record.step <= d->quality.back().step))
        return;
    d->quality.push_back(record);
}

const std::vector<QualityRecord> &Trainer::qualityHistory() const { return d->quality; }
const ExperimentSpec &Trainer::spec() const { return d->spec; }
const Dataset &Trainer::data() const { return *d->data; }
std::shared_ptr<const Dataset> Trainer::sharedData() const { return d->data; }

namespace {

// The L2 norm of all of `params` together.
float weightNorm(const std::vector<torch::Tensor> &params)
{
    double sum = 0;
    for (const torch::Tensor &p : params)
        sum += p.detach().to(torch::kDouble).pow(2).sum().item<double>();
    return float(std::sqrt(sum));
}

// The L2 norm of params - before, tensor by tensor.
float distance(const std::vector<torch::Tensor> &params, const std::vector<torch::Tensor> &before)
{
    double sum = 0;
    for (size_t i = 0; i < params.size(); ++i)
        sum += (params[i].detach().to(torch::kDouble) - before[i].to(torch::kDouble)).pow(2).sum().item<double>();
    return float(std::sqrt(sum));
}

std::vector<torch::Tensor> copies(const std::vector<torch::Tensor> &params)
{
    std::vector<torch::Tensor> out;
    out.reserve(params.size());
    for (const torch::Tensor &p : params)
        out.push_back(p.detach().clone());
    return out;
}

// True when a training-mode forward pass of the network changes nothing (no BatchNorm
// statistics, no Dropout draws from the run's random stream, no spectral norm power iteration),
// so slow motion may run one to show where the updated generator puts the same noise.
bool forwardIsPure(const NetworkSpec &net)
{
    for (const LayerSpec &l : net.layers)
        if (l.kind == LayerKind::BatchNorm1d || l.kind == LayerKind::BatchNorm2d || l.kind == LayerKind::Dropout || l.spectralNorm)
            return false;
    return true;
}

constexpr int kShownPoints = 256;  // 2D: the batch points slow motion shows (a batch is rarely larger)
constexpr int kShownImages = 8;    // images: one row of real and one of generated samples

int shownCount(const torch::Tensor &batch)
{
    return int(std::min<int64_t>(batch.size(0), batch.dim() == 2 ? kShownPoints : kShownImages));
}

// D's outputs for the first `n` samples as the window shows scores.
std::vector<float> shownScores(LossKind kind, const torch::Tensor &out, int n)
{
    torch::Tensor s = out.detach().slice(0, 0, n).reshape({-1}).to(torch::kFloat).cpu();
    if (losses::usesSigmoid(kind))
        s = torch::sigmoid(s);
    s = s.contiguous();
    return std::vector<float>(s.data_ptr<float>(), s.data_ptr<float>() + s.numel());
}

}  // namespace

void Trainer::Impl::undoPending()
{
    if (!pending)
        return;
    rollback.restore();
    batches = pending->keptBatches;
    size_t rate = 0;
    for (torch::optim::Optimizer *o : {optG.get(), optD.get()})
        for (auto &group : o->param_groups())
            group.options().set_lr(pending->keptRates[rate++]);
    for (const torch::Tensor &p : pending->dParams)
        p.requires_grad_(true);
    pending.reset();
}

bool Trainer::Impl::beginStep(QString *error)
{
    if (data->standIn) {
        *error = Text::tr("the run's data is not loaded (it was opened to be sampled): it cannot train");
        return false;
    }
    if (at::get_num_threads() != threads)
        at::set_num_threads(threads);
    PendingStep p;
    p.number = step + 1;
    p.sigma = regularisers::instanceNoiseSigma(spec.loss, p.number);
    p.realTarget = 1.0 - spec.loss.labelSmoothing;
    p.record.step = p.number;
    fusedNets(&p.fusedG, &p.fusedD);
    p.fused = p.fusedG && p.fusedD;
    p.dParams = D->parameters();
    p.gParams = G->parameters();
    // All or nothing: everything the D updates and the forward passes change before the
    // last check (D's weights, buffers and optimiser state, G's buffers, the random stream
    // and the data position) is kept, and put back when the step fails or is abandoned.
    // G's weights, its optimiser and the EMA change only in the last substep.
    try {
        std::vector<torch::Tensor> kept = p.dParams;
        for (const auto &buffers : {D->buffers(), G->buffers()})
            kept.insert(kept.end(), buffers.begin(), buffers.end());
        rollback.keep(kept, {optD.get()}, gen);
    } catch (const std::exception &e) {
        *error = Text::tr("step %1: %2; nothing was changed").arg(p.number).arg(errorText(e));
        return false;
    }
    p.keptBatches = batches;
    // The learning rates the schedule set for the previous step (a checkpoint holds them).
    for (torch::optim::Optimizer *o : {optG.get(), optD.get()})
        for (auto &group : o->param_groups())
            p.keptRates.push_back(group.options().get_lr());
    pending = std::move(p);
    try {
        optimizers::applyDecay(spec, pending->number, *optG, *optD);
        G->train();
        D->train();
    } catch (const std::exception &e) {
        *error = Text::tr("step %1: %2; the step was undone").arg(pending->number).arg(errorText(e));
        undoPending();
        return false;
    }
    return true;
}

void Trainer::Impl::draw(PendingStep &p)
{
    // A new D update: what the previous one computed no longer belongs to this batch.
    p.fake = p.realIn = p.fakeIn = p.realOut = p.fakeOut = p.realLogits = p.fakeLogits = torch::Tensor();
    p.parts = {};
    const bool labelled = spec.conditioning.enabled();
    p.real = batches.next(spec.batchSize, gen, device, labelled ? &p.realLabels : nullptr);
    p.z = noise(spec.batchSize, gen);
    // The classes asked of G: uniform, drawn after the noise (an unconditional run draws none).
    p.fakeLabels = labelled ? conditioning::randomLabels(spec.batchSize, spec.conditioning.classes, gen).to(device) : torch::Tensor();
    if (parallel) {
        // Every rank draws the whole batch and its noise, then trains on its own slice: the run
        // sees the batches of a run of one process.
        const std::int64_t share = spec.batchSize / parallel->world(), from = share * parallel->rank();
        for (torch::Tensor *t : {&p.real, &p.z, &p.realLabels, &p.fakeLabels})
            if (t->defined())
                *t = t->slice(0, from, from + share);
    }
}

void Trainer::Impl::generate(PendingStep &p, bool last)
{
    if (p.fused) {
        p.fake = fusedmlp::forward(*p.fusedG, p.z, last ? &p.gPass : nullptr);
        if (last)
            p.fakeForG = p.fake;
    } else if (last) {
        // The last D update's fakes are reused for the G update (one G forward per step).
        p.fakeForG = G->forward(conditioning::generatorInput(spec, p.z, p.fakeLabels));
        p.fake = p.fakeForG.detach();
    } else {
        torch::NoGradGuard noGrad;
        p.fake = G->forward(conditioning::generatorInput(spec, p.z, p.fakeLabels));
    }
}

void Trainer::Impl::score(PendingStep &p)
{
    p.realIn = regularisers::withInstanceNoise(p.real, p.sigma, gen);
    p.fakeIn = regularisers::withInstanceNoise(p.fake, p.sigma, gen);
    if (p.fused) {
        // Real and fake rows go through D as one batch: an MLP treats rows independently, and
        // one product of twice the height runs faster than two.
        const int64_t n = p.realIn.size(0);
        const torch::Tensor out = fusedmlp::forward(*p.fusedD, torch::cat({p.realIn, p.fakeIn}), &p.dPass);
        p.realOut = out.slice(0, 0, n).detach().requires_grad_(true);
        p.fakeOut = out.slice(0, n).detach().requires_grad_(true);
        return;
    }
    if (spec.loss.r1Gamma > 0)
        p.realIn = p.realIn.detach().requires_grad_(true);
    // The scores in fp32 whatever the precision (the losses are computed in fp32); a
    // conditional D judges each sample with its class (the real batch's labels, those asked of G).
    const conditioning::Output real = conditioning::discriminate(D, spec, p.realIn, p.realLabels);
    const conditioning::Output fake = conditioning::discriminate(D, spec, p.fakeIn, p.fakeLabels);
    p.realOut = real.score;
    p.fakeOut = fake.score;
    p.realLogits = real.classLogits;
    p.fakeLogits = fake.classLogits;
}

bool Trainer::Impl::discriminatorLoss(PendingStep &p, QString *error)
{
    const LossKind kind = spec.loss.kind;
    const bool r1 = spec.loss.r1Gamma > 0;
    StepRecord &r = p.record;
    optD->zero_grad();
    p.parts = losses::discriminator(kind, p.realOut, p.fakeOut, p.realTarget);
    p.penalty = 0;
    if (p.fused) {
        const torch::Tensor lossD = p.parts.total();
        const std::vector<torch::Tensor> dScores = torch::autograd::grad({lossD}, {p.realOut, p.fakeOut});
        fusedmlp::backward(*p.fusedD, p.dPass, torch::cat(dScores), true, false);
        r.lossD = lossD.item<float>();
        if (r1) {
            p.penalty = float(fusedmlp::r1Penalty(*p.fusedD, p.dPass.rows(0, p.realIn.size(0)), spec.loss.r1Gamma));
            r.lossD += p.penalty;
        }
    } else {
        if (spec.conditioning.kind == ConditioningKind::Auxiliary) {
            // AC-GAN: D also learns to name the class of real and of generated samples.
            p.parts.real = p.parts.real + conditioning::classLoss(spec, {p.realOut, p.realLogits}, p.realLabels);
            p.parts.fake = p.parts.fake + conditioning::classLoss(spec, {p.fakeOut, p.fakeLogits}, p.fakeLabels);
        }
        torch::Tensor lossD = p.parts.total();
        if (kind == LossKind::WassersteinGP) {
            // At points between a real and a fake sample, judged with the real sample's class.
            const auto score = [this, &p](const torch::Tensor &x) {
                return conditioning::discriminate(D, spec, x, p.realLabels).score;
            };
            const torch::Tensor gp = regularisers::gradientPenalty(score, p.realIn.detach(), p.fakeIn, spec.loss.gpLambda, gen);
            lossD = lossD + gp;
            p.penalty = gp.item<float>();
        }
        if (r1) {
            const torch::Tensor penalty = regularisers::r1Penalty(p.realOut, p.realIn, spec.loss.r1Gamma);
            lossD = lossD + penalty;
            p.penalty += penalty.item<float>();
        }
        r.lossD = lossD.item<float>();
        beginGradients(p, NetworkRole::Discriminator, r.lossD);
        lossD.backward();
    }
    return gradientsReady(p, NetworkRole::Discriminator, r.lossD, &r.gradNormD, error);
}

void Trainer::Impl::discriminatorUpdate(PendingStep &p, bool reporting)
{
    const LossKind kind = spec.loss.kind;
    StepRecord &r = p.record;
    const std::vector<torch::Tensor> before = reporting ? copies(p.dParams) : std::vector<torch::Tensor>();
    optimizerStep(p, *optD);
    if (kind == LossKind::Wasserstein) {
        torch::NoGradGuard noGrad;
        for (const torch::Tensor &param : p.dParams)
            param.clamp_(-spec.loss.clip, spec.loss.clip);
    }
    r.lossDReal = p.parts.real.item<float>();
    r.lossDFake = p.parts.fake.item<float>();
    r.dReal = losses::meanScore(kind, p.realOut.detach()).item<float>();
    r.dFake = losses::meanScore(kind, p.fakeOut.detach()).item<float>();
    if (reporting) {
        p.view.updateNormD = distance(p.dParams, before);
        p.view.weightNormD = weightNorm(p.dParams);
    }
    ++p.dUpdate;
}

bool Trainer::Impl::generatorLoss(PendingStep &p, bool reporting, QString *error)
{
    const LossKind kind = spec.loss.kind;
    StepRecord &r = p.record;
    optG->zero_grad();
    torch::Tensor push;  // dL_G/dx at the fakes
    torch::Tensor scores;
    if (p.fused) {
        const torch::Tensor out = fusedmlp::forward(*p.fusedD, regularisers::withInstanceNoise(p.fakeForG, p.sigma, gen), &p.dPass)
                                      .detach()
                                      .requires_grad_(true);
        const torch::Tensor lossG = losses::generator(kind, out);
        const torch::Tensor dFake = fusedmlp::backward(*p.fusedD, p.dPass, torch::autograd::grad({lossG}, {out})[0], false, true);
        fusedmlp::backward(*p.fusedG, p.gPass, dFake, true, false);
        r.lossG = lossG.item<float>();
        push = dFake;
        scores = out;
    } else {
        // D's weight gradients are not needed, only gradients through D's input.
        for (const torch::Tensor &param : p.dParams)
            param.requires_grad_(false);
        torch::Tensor in = regularisers::withInstanceNoise(p.fakeForG, p.sigma, gen);
        if (reporting)
            in.retain_grad();  // keeps dL_G/dx for the arrows; the parameter gradients are the same
        const conditioning::Output judged = conditioning::discriminate(D, spec, in, p.fakeLabels);
        const torch::Tensor out = judged.score;
        // AC-GAN: G also makes samples whose class D names as the one asked.
        const torch::Tensor lossG = losses::generator(kind, out) + conditioning::classLoss(spec, judged, p.fakeLabels);
        r.lossG = lossG.item<float>();
        beginGradients(p, NetworkRole::Generator, r.lossG);
        lossG.backward();
        for (const torch::Tensor &param : p.dParams)
            param.requires_grad_(true);
        if (reporting) {
            push = in.grad();
            scores = out;
        }
    }
    if (!gradientsReady(p, NetworkRole::Generator, r.lossG, &r.gradNormG, error))
        return false;
    if (reporting) {
        p.view.meanFakeAfter = losses::meanScore(kind, scores.detach()).item<float>();
        if (push.defined() && push.dim() == 2) {
            // The loss is a mean over the batch: one sample's own loss has B times its share.
            const int n = shownCount(push);
            const torch::Tensor perSample = (-double(spec.batchSize) * push.detach().slice(0, 0, n)).to(torch::kFloat).cpu().contiguous();
            p.view.push.assign(perSample.data_ptr<float>(), perSample.data_ptr<float>() + perSample.numel());
        }
    }
    return true;
}

void Trainer::Impl::generatorUpdate(PendingStep &p, bool reporting)
{
    const std::vector<torch::Tensor> before = reporting ? copies(p.gParams) : std::vector<torch::Tensor>();
    optimizerStep(p, *optG);
    if (Gema)
        ema::update(Gema, G, spec.emaDecay);
    if (!reporting)
        return;
    p.view.updateNormG = distance(p.gParams, before);
    p.view.weightNormG = weightNorm(p.gParams);
    if (forwardIsPure(spec.generator)) {
        torch::NoGradGuard noGrad;
        const std::int64_t n = shownCount(p.fakeForG);
        const torch::Tensor z = p.z.slice(0, 0, n);
        p.view.moved = toSampleBatch(p.fused ? fusedmlp::forward(*p.fusedG, z)
                                             : G->forward(conditioning::generatorInput(
                                                   spec, z, p.fakeLabels.defined() ? p.fakeLabels.slice(0, 0, n) : p.fakeLabels)));
    }
}

void Trainer::Impl::optimizerStep(const PendingStep &p, torch::optim::Optimizer &optimizer)
{
    if (!p.fused || !fusedmlp::adamStep(optimizer))
        optimizer.step();
}

bool Trainer::Impl::gradientsReady(PendingStep &p, NetworkRole network, float lossValue, float *gradNorm, QString *error)
{
    const std::vector<torch::Tensor> &params = network == NetworkRole::Discriminator ? p.dParams : p.gParams;
    if (dataparallel::GradientAverager *averager = (network == NetworkRole::Discriminator ? averageD : averageG).get())
        averager->finish(params, !std::isfinite(lossValue));
    *gradNorm = gradientNorm(params);
    const bool lossBad = !std::isfinite(lossValue);
    if (!lossBad && std::isfinite(*gradNorm))
        return true;
    // The update, named only when it failed: "discriminator update 2 of 3", "generator update".
    QString update = Text::tr("generator update");
    if (network == NetworkRole::Discriminator)
        update = spec.dStepsPerG == 1 ? Text::tr("discriminator update")
                                      : Text::tr("discriminator update %1 of %2").arg(p.dUpdate + 1).arg(spec.dStepsPerG);
    // %3 is the value: "NaN" or "infinite".
    QString sentence;
    if (network == NetworkRole::Discriminator)
        sentence = lossBad ? Text::tr("step %1, %2: the discriminator loss is %3; the step was undone, so the networks are "
                                      "as after step %4. Lower the learning rate, or try another loss or a gradient penalty.")
                           : Text::tr("step %1, %2: the discriminator gradient norm is %3; the step was undone, so the "
                                      "networks are as after step %4. Lower the learning rate, or try another loss or a "
                                      "gradient penalty.");
    else
        sentence = lossBad ? Text::tr("step %1, %2: the generator loss is %3; the step was undone, so the networks are as "
                                      "after step %4. Lower the learning rate, or try another loss or a gradient penalty.")
                           : Text::tr("step %1, %2: the generator gradient norm is %3; the step was undone, so the networks "
                                      "are as after step %4. Lower the learning rate, or try another loss or a gradient "
                                      "penalty.");
    *error = sentence.arg(QString::number(p.number), update, describeNonFinite(lossBad ? lossValue : *gradNorm),
                          QString::number(p.number - 1));
    return false;
}

void Trainer::Impl::beginGradients(const PendingStep &p, NetworkRole network, float lossValue)
{
    if (dataparallel::GradientAverager *averager = (network == NetworkRole::Discriminator ? averageD : averageG).get())
        averager->begin(network == NetworkRole::Discriminator ? p.dParams : p.gParams, std::isfinite(lossValue));
}

void Trainer::Impl::describe(PendingStep &p, Substep done, SubstepReport *report) const
{
    // What this D update has computed so far (the fields of later substeps are kept in the view
    // as they are made).
    const LossKind kind = spec.loss.kind;
    const StepRecord &r = p.record;
    SubstepReport &o = p.view;
    o.step = p.number;
    o.substep = done;
    o.dUpdate = std::min(p.dUpdate + (done == Substep::DiscriminatorUpdate ? 0 : 1), spec.dStepsPerG);
    o.dUpdates = spec.dStepsPerG;
    o.loss = spec.loss;
    o.probabilities = losses::usesSigmoid(kind);
    o.batchSize = spec.batchSize;
    o.real = p.real.defined() ? toSampleBatch(p.real.slice(0, 0, shownCount(p.real))) : SampleBatch();
    o.z.clear();
    if (p.z.defined()) {
        const torch::Tensor z0 = p.z[0].reshape({-1}).to(torch::kFloat).cpu().contiguous();
        o.z.assign(z0.data_ptr<float>(), z0.data_ptr<float>() + z0.numel());
    }
    o.fake = p.fake.defined() ? toSampleBatch(p.fake.detach().slice(0, 0, shownCount(p.fake))) : SampleBatch();
    // The classes of the shown samples (conditional runs): the narration names them.
    const auto shownLabels = [](const torch::Tensor &labels, const torch::Tensor &batch) {
        if (!labels.defined() || !batch.defined())
            return std::vector<int>();
        const torch::Tensor l = labels.slice(0, 0, shownCount(batch)).to(torch::kCPU).to(torch::kInt).contiguous();
        return std::vector<int>(l.data_ptr<int>(), l.data_ptr<int>() + l.numel());
    };
    o.classes = spec.conditioning.enabled() ? spec.conditioning.classes : 0;
    o.realLabels = shownLabels(p.realLabels, p.real);
    o.fakeLabels = shownLabels(p.fakeLabels, p.fake.defined() ? p.fake : p.z);
    const bool scored = p.realOut.defined();
    o.realScores = scored ? shownScores(kind, p.realOut, shownCount(p.real)) : std::vector<float>();
    o.fakeScores = scored ? shownScores(kind, p.fakeOut, shownCount(p.fake)) : std::vector<float>();
    o.meanReal = scored ? losses::meanScore(kind, p.realOut.detach()).item<float>() : 0.f;
    o.meanFake = scored ? losses::meanScore(kind, p.fakeOut.detach()).item<float>() : 0.f;
    const bool lost = p.parts.real.defined();
    o.lossReal = lost ? p.parts.real.item<float>() : 0.f;
    o.lossFake = lost ? p.parts.fake.item<float>() : 0.f;
    o.penalty = lost ? p.penalty : 0.f;
    o.lossD = lost ? r.lossD : 0.f;
    o.gradNormD = lost ? r.gradNormD : 0.f;
    if (done == Substep::Draw)
        o.updateNormD = o.weightNormD = 0;
    o.lossG = r.lossG;
    o.gradNormG = r.gradNormG;
    *report = o;
}

// The step as pytorch/examples' cpp/dcgan loop writes it, one substep per call: D's updates
// (draw, generate, score, loss, update) dStepsPerG times, then G's loss and update.
bool Trainer::Impl::advance(SubstepReport *report, QString *error)
{
    const auto start = std::chrono::steady_clock::now();
    if (!pending && !beginStep(error))
        return false;
    PendingStep &p = *pending;
    const Substep now = p.next;
    const bool reporting = report != nullptr;
    try {
        const AutocastScope autocast(spec.precision == Precision::Bf16, device.type());
        switch (now) {
        case Substep::Draw:
            draw(p);
            p.next = Substep::Generate;
            break;
        case Substep::Generate:
            generate(p, p.dUpdate + 1 == spec.dStepsPerG);
            p.next = Substep::Score;
            break;
        case Substep::Score:
            score(p);
            p.next = Substep::DiscriminatorLoss;
            break;
        case Substep::DiscriminatorLoss:
            if (!discriminatorLoss(p, error)) {
                undoPending();
                return false;
            }
            p.next = Substep::DiscriminatorUpdate;
            break;
        case Substep::DiscriminatorUpdate:
            discriminatorUpdate(p, reporting);
            p.next = p.dUpdate < spec.dStepsPerG ? Substep::Draw : Substep::GeneratorLoss;
            break;
        case Substep::GeneratorLoss:
            if (!generatorLoss(p, reporting, error)) {
                undoPending();
                return false;
            }
            p.next = Substep::GeneratorUpdate;
            break;
        case Substep::GeneratorUpdate:
            generatorUpdate(p, reporting);
            // The step's figures over the whole global batch, as one process has them (every
            // rank's slice averaged; the gradient norms are of the averaged gradients already).
            if (parallel)
                dataparallel::averageRecord(*parallel, &p.record);
            break;
        }
        if (report)
            describe(p, now, report);
    } catch (const std::exception &e) {
        *error = Text::tr("step %1: %2; the step was undone").arg(p.number).arg(errorText(e));
        undoPending();
        return false;
    }
    p.seconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (now == Substep::GeneratorUpdate)
        finishStep(report);
    return true;
}

void Trainer::Impl::finishStep(SubstepReport *report)
{
    StepRecord &r = pending->record;
    r.seconds = pending->seconds;
    step = pending->number;
    history.push_back(r);
    if (report) {
        report->complete = true;
        report->record = r;
    }
    pending.reset();
}

bool Trainer::step(StepRecord *record, QString *error)
{
    do {
        if (!d->advance(nullptr, error))
            return false;
    } while (d->pending);
    if (record)
        *record = d->history.back();
    return true;
}

bool Trainer::substep(SubstepReport *report, QString *error)
{
    return d->advance(report, error);
}

bool Trainer::stepInProgress() const { return bool(d->pending); }

void Trainer::abandonStep() { d->undoPending(); }
