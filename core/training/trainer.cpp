#include "trainer.h"

#include "fusedmlp_p.h"
#include "steprollback_p.h"
#include "tensorsamples_p.h"
#include "losses_p.h"
#include "nn/torchmodules_p.h"
#include "io/atomicfile.h"
#include "io/zipcheck.h"
#include "spec/specjson.h"

#include <ATen/CPUGeneratorImpl.h>

#include <QFile>
#include <QFileInfo>

#include <chrono>
#include <cmath>
#include <mutex>
#include <sstream>

#ifdef __GLIBC__
#include <malloc.h>
#endif

namespace {

constexpr const char *kCheckpointFormat = "gan-playground-checkpoint";
constexpr std::int64_t kCheckpointVersion = 1;
constexpr std::uint64_t kEvalNoiseSeedOffset = 0x9E3779B97F4A7C15ull;  // keeps eval noise apart from training draws
constexpr int kHistoryColumns = 10;

std::unique_ptr<torch::optim::Optimizer> makeOptimizer(const OptimizerSpec &o, const std::vector<torch::Tensor> &params)
{
    namespace optim = torch::optim;
    switch (o.kind) {
    case OptimizerKind::Adam:
        return std::make_unique<optim::Adam>(params, optim::AdamOptions(o.lr).betas({o.beta1, o.beta2}).weight_decay(o.weightDecay));
    case OptimizerKind::SGD:
        return std::make_unique<optim::SGD>(params, optim::SGDOptions(o.lr).momentum(o.momentum).weight_decay(o.weightDecay));
    case OptimizerKind::RMSprop:
        return std::make_unique<optim::RMSprop>(
            params, optim::RMSpropOptions(o.lr).alpha(o.alpha).momentum(o.momentum).weight_decay(o.weightDecay));
    }
    return nullptr;
}

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

// An exception's message without c10's backtrace.
QString firstLine(const std::exception &e)
{
    if (const auto *c10 = dynamic_cast<const c10::Error *>(&e))
        return QString::fromStdString(c10->what_without_backtrace()).section(QLatin1Char('\n'), 0, 0);
    if (dynamic_cast<const std::bad_alloc *>(&e))
        return QStringLiteral("out of memory");
    return QString::fromLocal8Bit(e.what()).section(QLatin1Char('\n'), 0, 0);
}

QString describeNonFinite(float value)
{
    return std::isnan(value) ? QStringLiteral("NaN") : QStringLiteral("infinite");
}

at::Generator makeGenerator(std::uint64_t seed)
{
    return at::make_generator<at::CPUGeneratorImpl>(seed);
}

}  // namespace

struct Trainer::Impl {
    ExperimentSpec spec;
    std::shared_ptr<const Dataset> data;
    torch::Device device{torch::kCPU};
    at::Generator gen;
    torch::nn::Sequential G{nullptr}, D{nullptr}, Gema{nullptr};
    std::unique_ptr<torch::optim::Optimizer> optG, optD;
    torch::Tensor dataTensor;  // CPU, uint8 images or float points, shares the Dataset's memory
    torch::Tensor order;       // current permutation of sample indices
    std::int64_t cursor = 0;   // next position in `order`
    torch::Tensor evalNoise;
    std::int64_t step = 0;
    std::vector<StepRecord> history;
    bool fusedAllowed = true;
    StepRollback rollback;  // what a failed step must put back

    static std::unique_ptr<Impl> create(const ExperimentSpec &s, std::shared_ptr<const Dataset> data, QString *error);

    torch::Tensor noise(std::int64_t n, at::Generator &g) const
    {
        const auto cpu = torch::TensorOptions().dtype(torch::kFloat);
        torch::Tensor z = spec.prior == LatentPrior::Normal
            ? torch::randn({n, spec.latentDim}, g, cpu)
            : torch::rand({n, spec.latentDim}, g, cpu).mul_(2).sub_(1);
        return z.to(device);
    }

    torch::Tensor realBatch()
    {
        const std::int64_t n = data->count;
        std::vector<torch::Tensor> parts;
        std::int64_t needed = spec.batchSize;
        while (needed > 0) {
            if (!order.defined() || cursor >= n) {
                order = torch::randperm(n, gen, torch::TensorOptions().dtype(torch::kLong));
                cursor = 0;
            }
            const std::int64_t take = std::min(needed, n - cursor);
            parts.push_back(order.slice(0, cursor, cursor + take));
            cursor += take;
            needed -= take;
        }
        const torch::Tensor idx = parts.size() == 1 ? parts[0] : torch::cat(parts);
        torch::Tensor batch = dataTensor.index_select(0, idx).to(device);
        if (data->kind == Dataset::Kind::Images)
            return batch.to(torch::kFloat).div_(127.5).sub_(1.0);
        return batch;
    }

    double instanceNoiseSigma(std::int64_t stepNumber) const
    {
        if (spec.loss.instanceNoise <= 0)
            return 0;
        if (spec.loss.instanceNoiseSteps <= 0)
            return spec.loss.instanceNoise;
        return spec.loss.instanceNoise * std::max(0.0, 1.0 - double(stepNumber - 1) / spec.loss.instanceNoiseSteps);
    }

    torch::Tensor withInstanceNoise(const torch::Tensor &x, double sigma)
    {
        if (sigma <= 0)
            return x;
        return x + sigma * torch::randn(x.sizes(), gen, x.options().device(torch::kCPU)).to(device);
    }

    // Linear decay of both learning rates over the experiment's `steps`, then constant.
    void applyLearningRates(std::int64_t stepNumber)
    {
        if (spec.lrDecayTo >= 1.0)
            return;
        const double progress = std::min(1.0, double(stepNumber - 1) / std::max(1, spec.steps - 1));
        const double factor = 1.0 - (1.0 - spec.lrDecayTo) * progress;
        for (auto [optimizer, base] : {std::pair{optG.get(), spec.optimizerG.lr}, std::pair{optD.get(), spec.optimizerD.lr}})
            for (auto &group : optimizer->param_groups())
                group.options().set_lr(base * factor);
    }

    // The hand-written MLP arithmetic (fusedmlp.h) serves when both networks are plain MLPs on
    // the CPU and the loss needs nothing it lacks (the WGAN-GP penalty at mixed points; R1
    // through smooth activations). Rebuilt each step: loading a checkpoint replaces modules.
    void fusedNets(std::optional<fusedmlp::Net> *g, std::optional<fusedmlp::Net> *dn)
    {
        if (!fusedAllowed || !device.is_cpu() || spec.loss.kind == LossKind::WassersteinGP)
            return;
        *g = fusedmlp::extract(G);
        *dn = fusedmlp::extract(D);
        if (!*g || !*dn || (spec.loss.r1Gamma > 0 && !(*dn)->piecewiseLinear()))
            g->reset(), dn->reset();
    }

    torch::Tensor gradientPenalty(const torch::Tensor &real, const torch::Tensor &fake)
    {
        std::vector<int64_t> epsShape(real.dim(), 1);
        epsShape[0] = real.size(0);
        const torch::Tensor eps = torch::rand(epsShape, gen, torch::TensorOptions().dtype(torch::kFloat)).to(device);
        const torch::Tensor mixed = (eps * real + (1 - eps) * fake).detach().requires_grad_(true);
        const torch::Tensor out = D->forward(mixed);
        const torch::Tensor grad = torch::autograd::grad({out.sum()}, {mixed}, {}, true, true)[0];
        return spec.loss.gpLambda * (grad.flatten(1).norm(2, 1) - 1).pow(2).mean();
    }

    torch::Tensor r1Penalty(const torch::Tensor &realOut, const torch::Tensor &realIn)
    {
        const torch::Tensor grad = torch::autograd::grad({realOut.sum()}, {realIn}, {}, true, true)[0];
        return 0.5 * spec.loss.r1Gamma * grad.pow(2).flatten(1).sum(1).mean();
    }

    void updateEma()
    {
        if (!Gema)
            return;
        torch::NoGradGuard noGrad;
        const auto ema = Gema->parameters();
        const auto live = G->parameters();
        for (size_t i = 0; i < ema.size(); ++i) {
            if (ema[i].is_cpu() && ema[i].scalar_type() == torch::kFloat && ema[i].is_contiguous()) {
                // One pass instead of two tensor operations: small nets make many small tensors.
                const torch::Tensor source = live[i].contiguous();
                float *e = ema[i].data_ptr<float>();
                const float *p = source.data_ptr<float>();
                const float keep = float(spec.emaDecay), take = float(1.0 - spec.emaDecay);
                for (int64_t k = 0, n = ema[i].numel(); k < n; ++k)
                    e[k] = e[k] * keep + p[k] * take;
            } else {
                ema[i].mul_(spec.emaDecay).add_(live[i], 1.0 - spec.emaDecay);
            }
        }
        const auto emaBuffers = Gema->buffers();
        const auto liveBuffers = G->buffers();
        for (size_t i = 0; i < emaBuffers.size(); ++i)
            emaBuffers[i].copy_(liveBuffers[i]);
    }

    SampleBatch generateFrom(const torch::Tensor &z)
    {
        torch::NoGradGuard noGrad;
        torch::nn::Sequential &net = Gema ? Gema : G;
        net->eval();
        const torch::Tensor out = net->forward(z.to(device));
        net->train();
        return toSampleBatch(out);
    }
};

std::unique_ptr<Trainer::Impl> Trainer::Impl::create(const ExperimentSpec &s, std::shared_ptr<const Dataset> data, QString *error)
{
    keepFreedMemoryForReuse();
    auto impl = std::make_unique<Impl>();
    impl->spec = s;
    impl->spec.generator.assignMissingIds(QStringLiteral("g"));
    impl->spec.discriminator.assignMissingIds(QStringLiteral("d"));
    impl->data = std::move(data);
    if (!impl->data || impl->data->count < 1) {
        *error = QStringLiteral("no training data is loaded");
        return nullptr;
    }
    try {
        impl->device = torch::Device(s.device.toStdString());
    } catch (const c10::Error &) {
        *error = QStringLiteral("device \"%1\" is not a torch device (try \"cpu\")").arg(s.device);
        return nullptr;
    }
    if (!impl->device.is_cpu() && !(impl->device.is_cuda() && torch::cuda::is_available())) {
        *error = QStringLiteral("device \"%1\" is not available in this build; use \"cpu\"").arg(s.device);
        return nullptr;
    }
    at::set_num_threads(s.threads);
    try {
        impl->gen = makeGenerator(s.seed);
        const bool strip = losses::usesSigmoid(s.loss.kind);
        // The random draws come in PyTorch's order for `G = ...; D = ...; G.apply(init);
        // D.apply(init)` followed by a permutation and then noise each step: with the same seed
        // a run starts from the same weights and sees the same batches as that PyTorch script
        // (tests/benchmarks/dcgan_fashion.py; tst_trainer pins step 1 to its values, and
        // tests/benchmarks/compare_metrics.py compares whole runs).
        impl->G = modulebuilder::build(impl->spec.generator, impl->gen);
        impl->D = modulebuilder::build(impl->spec.discriminator, impl->gen, strip);
        if (s.dcganInit) {
            modulebuilder::applyDcganInit(impl->G, impl->gen);
            modulebuilder::applyDcganInit(impl->D, impl->gen);
        }
        impl->G->to(impl->device);
        impl->D->to(impl->device);
        if (s.emaDecay > 0) {
            // Built from a throwaway generator, then copied: the training stream stays the same
            // with or without EMA.
            impl->Gema = modulebuilder::build(impl->spec.generator, makeGenerator(0));
            impl->Gema->to(impl->device);
            torch::NoGradGuard noGrad;
            for (size_t i = 0; i < impl->Gema->parameters().size(); ++i)
                impl->Gema->parameters()[i].copy_(impl->G->parameters()[i]);
            for (size_t i = 0; i < impl->Gema->buffers().size(); ++i)
                impl->Gema->buffers()[i].copy_(impl->G->buffers()[i]);
        }
        impl->optG = makeOptimizer(s.optimizerG, impl->G->parameters());
        impl->optD = makeOptimizer(s.optimizerD, impl->D->parameters());
        at::Generator evalGen = makeGenerator(s.seed + kEvalNoiseSeedOffset);
        impl->evalNoise = impl->noise(64, evalGen);

        const Dataset &d = *impl->data;
        void *raw = d.kind == Dataset::Kind::Images ? static_cast<void *>(const_cast<std::uint8_t *>(d.pixels.data()))
                                                    : static_cast<void *>(const_cast<float *>(d.points.data()));
        // Read-only view of the shared Dataset; the Impl keeps the Dataset alive.
        impl->dataTensor = d.kind == Dataset::Kind::Images
            ? torch::from_blob(raw, {d.count, d.channels, d.height, d.width}, torch::kUInt8)
            : torch::from_blob(raw, {d.count, 2}, torch::kFloat);
    } catch (const std::exception &e) {
        // c10::Error (the allocator's refusal among them) or std::bad_alloc.
        *error = QStringLiteral("cannot build the networks: %1; make the layers or the batch smaller")
                     .arg(firstLine(e));
        return nullptr;
    }
    return impl;
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
const ExperimentSpec &Trainer::spec() const { return d->spec; }
const Dataset &Trainer::data() const { return *d->data; }

bool Trainer::step(StepRecord *record, QString *error)
{
    Impl &m = *d;
    if (at::get_num_threads() != m.spec.threads)
        at::set_num_threads(m.spec.threads);
    const auto start = std::chrono::steady_clock::now();
    const std::int64_t stepNumber = m.step + 1;
    const LossKind kind = m.spec.loss.kind;
    const double sigma = m.instanceNoiseSigma(stepNumber);
    const double realTarget = 1.0 - m.spec.loss.labelSmoothing;
    const bool r1 = m.spec.loss.r1Gamma > 0;
    StepRecord r;
    r.step = stepNumber;
    std::optional<fusedmlp::Net> fusedG, fusedD;
    m.fusedNets(&fusedG, &fusedD);
    const bool fused = fusedG && fusedD;
    auto optimizerStep = [fused](torch::optim::Optimizer &optimizer) {
        if (!fused || !fusedmlp::adamStep(optimizer))
            optimizer.step();
    };
    const std::vector<torch::Tensor> dParams = m.D->parameters();
    const std::vector<torch::Tensor> gParams = m.G->parameters();
    // All or nothing: everything the D updates and the forward passes change before the last
    // check (D's weights, buffers and optimiser state, G's buffers, the random stream and the
    // data position) is kept, and put back when the step fails. G's weights, its optimiser and
    // the EMA change only after the last check.
    {
        std::vector<torch::Tensor> kept = dParams;
        for (const auto &buffers : {m.D->buffers(), m.G->buffers()})
            kept.insert(kept.end(), buffers.begin(), buffers.end());
        m.rollback.keep(kept, {m.optD.get()}, m.gen);
    }
    const torch::Tensor keptOrder = m.order;
    const std::int64_t keptCursor = m.cursor;
    auto failed = [&] {
        m.rollback.restore();
        m.order = keptOrder;
        m.cursor = keptCursor;
        for (const torch::Tensor &p : dParams)
            p.requires_grad_(true);
        return false;
    };
    // Reads the gradient norm of `params` once their gradients are in place; false (with the
    // message set) when it or the loss is NaN or infinite, before any optimiser step.
    // `update` names the update ("discriminator update 2 of 3", "generator update").
    auto finiteOrStop = [&](float lossValue, const std::vector<torch::Tensor> &params, const QString &network,
                            const QString &update, float *gradNorm) {
        *gradNorm = gradientNorm(params);
        const bool lossBad = !std::isfinite(lossValue);
        if (!lossBad && std::isfinite(*gradNorm))
            return true;
        *error = QStringLiteral("step %1, %2: the %3 %4 is %5; the step was undone, so the networks are as after step %6. "
                                "Lower the learning rate, or try another loss or a gradient penalty.")
                     .arg(QString::number(stepNumber), update, network,
                          lossBad ? QStringLiteral("loss") : QStringLiteral("gradient norm"),
                          describeNonFinite(lossBad ? lossValue : *gradNorm), QString::number(stepNumber - 1));
        return false;
    };
    // The gradient of a loss with respect to the scores it was computed from (fused path).
    auto scoreGradients = [](const torch::Tensor &loss, const std::vector<torch::Tensor> &scores) {
        return torch::autograd::grad({loss}, scores);
    };

    try {
        m.applyLearningRates(stepNumber);
        m.G->train();
        m.D->train();
        torch::Tensor fakeForG;
        fusedmlp::Pass gPass;
        for (int k = 0; k < m.spec.dStepsPerG; ++k) {
            const bool last = k + 1 == m.spec.dStepsPerG;
            const torch::Tensor real = m.realBatch();
            const torch::Tensor z = m.noise(m.spec.batchSize, m.gen);
            torch::Tensor fake;
            if (fused) {
                fake = fusedmlp::forward(*fusedG, z, last ? &gPass : nullptr);
                if (last)
                    fakeForG = fake;
            } else if (last) {
                // The last D update's fakes are reused for the G update (one G forward per step).
                fakeForG = m.G->forward(z);
                fake = fakeForG.detach();
            } else {
                torch::NoGradGuard noGrad;
                fake = m.G->forward(z);
            }
            torch::Tensor realIn = m.withInstanceNoise(real, sigma);
            const torch::Tensor fakeIn = m.withInstanceNoise(fake, sigma);
            m.optD->zero_grad();
            losses::DiscriminatorLoss parts;
            torch::Tensor realOut, fakeOut;
            if (fused) {
                // Real and fake rows go through D as one batch: an MLP treats rows independently,
                // and one product of twice the height runs faster than two.
                const int64_t n = realIn.size(0);
                fusedmlp::Pass pass;
                const torch::Tensor out = fusedmlp::forward(*fusedD, torch::cat({realIn, fakeIn}), &pass);
                realOut = out.slice(0, 0, n).detach().requires_grad_(true);
                fakeOut = out.slice(0, n).detach().requires_grad_(true);
                parts = losses::discriminator(kind, realOut, fakeOut, realTarget);
                const torch::Tensor lossD = parts.total();
                const std::vector<torch::Tensor> dScores = scoreGradients(lossD, {realOut, fakeOut});
                fusedmlp::backward(*fusedD, pass, torch::cat(dScores), true, false);
                r.lossD = lossD.item<float>();
                if (r1)
                    r.lossD += float(fusedmlp::r1Penalty(*fusedD, pass.rows(0, n), m.spec.loss.r1Gamma));
            } else {
                if (r1)
                    realIn = realIn.detach().requires_grad_(true);
                realOut = m.D->forward(realIn);
                fakeOut = m.D->forward(fakeIn);
                parts = losses::discriminator(kind, realOut, fakeOut, realTarget);
                torch::Tensor lossD = parts.total();
                if (kind == LossKind::WassersteinGP)
                    lossD = lossD + m.gradientPenalty(realIn.detach(), fakeIn);
                if (r1)
                    lossD = lossD + m.r1Penalty(realOut, realIn);
                lossD.backward();
                r.lossD = lossD.item<float>();
            }
            const QString update = m.spec.dStepsPerG == 1
                ? QStringLiteral("discriminator update")
                : QStringLiteral("discriminator update %1 of %2").arg(k + 1).arg(m.spec.dStepsPerG);
            if (!finiteOrStop(r.lossD, dParams, QStringLiteral("discriminator"), update, &r.gradNormD))
                return failed();
            optimizerStep(*m.optD);
            if (kind == LossKind::Wasserstein) {
                torch::NoGradGuard noGrad;
                for (const torch::Tensor &p : dParams)
                    p.clamp_(-m.spec.loss.clip, m.spec.loss.clip);
            }
            r.lossDReal = parts.real.item<float>();
            r.lossDFake = parts.fake.item<float>();
            r.dReal = losses::meanScore(kind, realOut.detach()).item<float>();
            r.dFake = losses::meanScore(kind, fakeOut.detach()).item<float>();
        }

        m.optG->zero_grad();
        if (fused) {
            fusedmlp::Pass dPass;
            const torch::Tensor out =
                fusedmlp::forward(*fusedD, m.withInstanceNoise(fakeForG, sigma), &dPass).detach().requires_grad_(true);
            const torch::Tensor lossG = losses::generator(kind, out);
            const torch::Tensor dFake = fusedmlp::backward(*fusedD, dPass, scoreGradients(lossG, {out})[0], false, true);
            fusedmlp::backward(*fusedG, gPass, dFake, true, false);
            r.lossG = lossG.item<float>();
            if (!finiteOrStop(r.lossG, gParams, QStringLiteral("generator"), QStringLiteral("generator update"), &r.gradNormG))
                return failed();
        } else {
            // D's weight gradients are not needed, only gradients through D's input.
            for (const torch::Tensor &p : dParams)
                p.requires_grad_(false);
            const torch::Tensor lossG = losses::generator(kind, m.D->forward(m.withInstanceNoise(fakeForG, sigma)));
            lossG.backward();
            for (const torch::Tensor &p : dParams)
                p.requires_grad_(true);
            r.lossG = lossG.item<float>();
            if (!finiteOrStop(r.lossG, gParams, QStringLiteral("generator"), QStringLiteral("generator update"), &r.gradNormG))
                return failed();
        }
        optimizerStep(*m.optG);
        m.updateEma();
    } catch (const std::exception &e) {
        *error = QStringLiteral("step %1: %2; the step was undone").arg(stepNumber).arg(firstLine(e));
        return failed();
    }

    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.step = stepNumber;
    m.history.push_back(r);
    if (record)
        *record = r;
    return true;
}

void Trainer::setFusedMlpAllowed(bool allowed) { d->fusedAllowed = allowed; }

bool Trainer::usesFusedMlp() const
{
    std::optional<fusedmlp::Net> g, dn;
    d->fusedNets(&g, &dn);
    return g && dn;
}

SampleBatch Trainer::sampleFixed(int count)
{
    const int n = std::min<int>(count, int(d->evalNoise.size(0)));
    return d->generateFrom(d->evalNoise.slice(0, 0, n));
}

SampleBatch Trainer::sample(int count, std::uint64_t seed)
{
    at::Generator g = makeGenerator(seed);
    constexpr int kChunk = 1024;  // bounds memory for large sample counts
    SampleBatch all;
    for (int done = 0; done < count; done += kChunk) {
        SampleBatch part = d->generateFrom(d->noise(std::min(kChunk, count - done), g));
        if (done == 0) {
            all = std::move(part);
            continue;
        }
        all.count += part.count;
        all.pixels.insert(all.pixels.end(), part.pixels.begin(), part.pixels.end());
        all.points.insert(all.points.end(), part.points.begin(), part.points.end());
    }
    return all;
}

std::shared_ptr<GeneratorCopy> Trainer::copyGenerator() const
{
    const torch::nn::Sequential &net = d->Gema ? d->Gema : d->G;
    torch::serialize::OutputArchive archive;
    net->save(archive);
    std::ostringstream out;
    archive.save_to(out);
    const std::string bytes = out.str();
    const torch::Tensor noise = d->evalNoise.to(torch::kCPU).to(torch::kFloat).contiguous();
    std::vector<float> latents(noise.data_ptr<float>(), noise.data_ptr<float>() + noise.numel());
    return std::make_shared<GeneratorCopy>(d->spec, QByteArray(bytes.data(), qsizetype(bytes.size())), d->step, std::move(latents));
}

QString Trainer::saveCheckpoint(const QString &path) const
{
    const Impl &m = *d;
    try {
        torch::serialize::OutputArchive archive;
        archive.write("format", c10::IValue(std::string(kCheckpointFormat)));
        archive.write("version", c10::IValue(kCheckpointVersion));
        archive.write("spec", c10::IValue(specjson::toBytes(m.spec).toStdString()));
        archive.write("step", c10::IValue(m.step));
        auto writeNested = [&](const char *key, const auto &saver) {
            torch::serialize::OutputArchive nested;
            saver(nested);
            archive.write(key, nested);
        };
        writeNested("generator", [&](auto &a) { m.G->save(a); });
        writeNested("discriminator", [&](auto &a) { m.D->save(a); });
        if (m.Gema)
            writeNested("generator_ema", [&](auto &a) { m.Gema->save(a); });
        writeNested("optimizer_g", [&](auto &a) { m.optG->save(a); });
        writeNested("optimizer_d", [&](auto &a) { m.optD->save(a); });
        archive.write("rng", m.gen.get_state());
        archive.write("order", m.order.defined() ? m.order : torch::empty({0}, torch::kLong));
        archive.write("cursor", c10::IValue(m.cursor));
        archive.write("eval_noise", m.evalNoise);
        torch::Tensor history = torch::empty({std::int64_t(m.history.size()), kHistoryColumns}, torch::kDouble);
        auto h = history.accessor<double, 2>();
        for (size_t i = 0; i < m.history.size(); ++i) {
            const StepRecord &r = m.history[i];
            const double row[kHistoryColumns] = {double(r.step), r.lossD, r.lossDReal, r.lossDFake, r.lossG,
                                                 r.dReal, r.dFake, r.gradNormD, r.gradNormG, r.seconds};
            for (int c = 0; c < kHistoryColumns; ++c)
                h[std::int64_t(i)][c] = row[c];
        }
        archive.write("history", history);

        std::ostringstream stream;
        archive.save_to(stream);
        const std::string bytes = stream.str();
        return atomicfile::write(path, QByteArrayView(bytes.data(), qsizetype(bytes.size())), QStringLiteral("checkpoint"));
    } catch (const std::exception &e) {
        return QStringLiteral("%1: cannot save the checkpoint: %2; the previous checkpoint is unchanged").arg(path, firstLine(e));
    }
}

namespace {

bool openCheckpoint(const QString &path, torch::serialize::InputArchive &archive, QString *error)
{
    const QFileInfo info(path);
    if (info.exists() && !info.isFile()) {
        *error = QStringLiteral("%1: not a regular file; choose a checkpoint.pt written by GAN Playground").arg(path);
        return false;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        *error = QStringLiteral("%1: cannot open the checkpoint (%2)").arg(path, file.errorString());
        return false;
    }
    const QByteArray bytes = file.readAll();
    if (const QString damage = zipcheck::verify(bytes); !damage.isEmpty()) {
        *error = QStringLiteral("%1: the checkpoint is damaged or not a checkpoint (%2); nothing was loaded. "
                                "Use an earlier copy or train the run again.")
                     .arg(path, damage);
        return false;
    }
    try {
        std::istringstream stream(std::string(bytes.constData(), size_t(bytes.size())));
        archive.load_from(stream);
        c10::IValue format;
        if (!archive.try_read("format", format) || !format.isString() || format.toStringRef() != kCheckpointFormat) {
            *error = QStringLiteral("%1: not a GAN Playground checkpoint").arg(path);
            return false;
        }
        c10::IValue version;
        archive.read("version", version);
        if (!version.isInt() || version.toInt() != kCheckpointVersion) {
            *error = QStringLiteral("%1: checkpoint version %2 is not supported by this program")
                         .arg(path).arg(version.isInt() ? version.toInt() : -1);
            return false;
        }
    } catch (const std::exception &) {
        // c10::Error, torch::jit::ErrorReport and std errors alike: the archive's contents do
        // not parse although its container is sound (written by something else).
        *error = QStringLiteral("%1: damaged or not a checkpoint (it cannot be read as one)").arg(path);
        return false;
    }
    return true;
}

// The experiment stored in an opened checkpoint.
QString specFromArchive(torch::serialize::InputArchive &archive, const QString &path, ExperimentSpec *spec)
{
    c10::IValue json;
    try {
        archive.read("spec", json);
    } catch (const std::exception &) {
        return QStringLiteral("%1: the checkpoint holds no experiment").arg(path);
    }
    if (!json.isString())
        return QStringLiteral("%1: the checkpoint's experiment is not text").arg(path);
    const specjson::ParseResult parsed =
        specjson::fromBytes(QByteArray::fromStdString(json.toStringRef()), path + QStringLiteral(" (experiment)"));
    if (!parsed.ok())
        return parsed.errors.join(QLatin1Char('\n'));
    *spec = parsed.spec;
    return QString();
}

}  // namespace

QString Trainer::readCheckpointSpec(const QString &path, ExperimentSpec *spec)
{
    torch::serialize::InputArchive archive;
    QString error;
    if (!openCheckpoint(path, archive, &error))
        return error;
    return specFromArchive(archive, path, spec);
}

QString Trainer::loadCheckpoint(const QString &path)
{
    torch::serialize::InputArchive archive;
    QString error;
    if (!openCheckpoint(path, archive, &error))
        return error;
    ExperimentSpec saved;
    if (QString e = specFromArchive(archive, path, &saved); !e.isEmpty())
        return e;
    saved.generator.assignMissingIds(QStringLiteral("g"));
    saved.discriminator.assignMissingIds(QStringLiteral("d"));
    for (NetworkRole role : {NetworkRole::Generator, NetworkRole::Discriminator}) {
        const auto &mine = d->spec.network(role).layers;
        const auto &theirs = saved.network(role).layers;
        for (size_t i = 0; i < std::max(mine.size(), theirs.size()); ++i) {
            if (i >= mine.size() || i >= theirs.size() || mine[i] != theirs[i])
                return QStringLiteral("%1: saved from a different architecture (the %2 differs at layer %3); "
                                      "open the experiment it was saved with")
                    .arg(path, specnames::role(role)).arg(i + 1);
        }
    }
    if (saved.latentDim != d->spec.latentDim)
        return QStringLiteral("%1: saved with latent size %2, this experiment uses %3").arg(path).arg(saved.latentDim).arg(d->spec.latentDim);
    if ((saved.emaDecay > 0) != (d->spec.emaDecay > 0))
        return QStringLiteral("%1: saved %2 an EMA generator; set the EMA decay as when it was saved")
            .arg(path, saved.emaDecay > 0 ? QStringLiteral("with") : QStringLiteral("without"));

    // Load into a fresh copy; the running state is replaced only when everything loaded.
    std::unique_ptr<Impl> fresh = Impl::create(d->spec, d->data, &error);
    if (!fresh)
        return error;
    try {
        auto shapesOf = [](const torch::nn::Sequential &net) {
            std::vector<std::vector<int64_t>> shapes;
            for (const auto &t : net->named_parameters())
                shapes.push_back(t.value().sizes().vec());
            for (const auto &t : net->named_buffers())
                shapes.push_back(t.value().sizes().vec());
            return shapes;
        };
        auto loadNested = [&](const char *key, torch::nn::Sequential &net) {
            const auto before = shapesOf(net);
            torch::serialize::InputArchive nested;
            archive.read(key, nested);
            net->load(nested);
            if (shapesOf(net) != before)
                throw std::runtime_error(std::string("tensor shapes in ") + key + " do not match the experiment");
        };
        loadNested("generator", fresh->G);
        loadNested("discriminator", fresh->D);
        if (fresh->Gema)
            loadNested("generator_ema", fresh->Gema);
        torch::serialize::InputArchive optG, optD;
        archive.read("optimizer_g", optG);
        fresh->optG->load(optG);
        archive.read("optimizer_d", optD);
        fresh->optD->load(optD);
        torch::Tensor rng, order, evalNoise, history;
        archive.read("rng", rng);
        fresh->gen.set_state(rng);
        archive.read("order", order);
        fresh->order = order.numel() > 0 ? order : torch::Tensor();
        if (order.numel() > 0 && order.numel() != fresh->data->count)
            throw std::runtime_error("its data order is for a dataset of another size");
        c10::IValue cursor, stepValue;
        archive.read("cursor", cursor);
        fresh->cursor = cursor.toInt();
        archive.read("step", stepValue);
        fresh->step = stepValue.toInt();
        if (fresh->step < 0)
            throw std::runtime_error("its step count is negative");
        if (order.numel() > 0) {
            if (order.dim() != 1 || order.scalar_type() != torch::kLong || order.min().item<std::int64_t>() < 0
                || order.max().item<std::int64_t>() >= fresh->data->count)
                throw std::runtime_error("its data order holds indices outside the dataset");
        }
        if (fresh->cursor < 0 || fresh->cursor > fresh->data->count)
            throw std::runtime_error("its position in the data order is outside the dataset");
        archive.read("eval_noise", evalNoise);
        if (evalNoise.sizes() != fresh->evalNoise.sizes())
            throw std::runtime_error("its evaluation noise has another shape than the experiment's");
        fresh->evalNoise = evalNoise.to(fresh->device).to(torch::kFloat);
        archive.read("history", history);
        if (history.dim() != 2 || history.size(1) != kHistoryColumns || history.size(0) != fresh->step)
            throw std::runtime_error("its loss history is malformed");
        history = history.to(torch::kDouble).contiguous();
        auto h = history.accessor<double, 2>();
        for (std::int64_t i = 0; i < history.size(0); ++i) {
            StepRecord r;
            r.step = std::int64_t(h[i][0]);
            r.lossD = float(h[i][1]);
            r.lossDReal = float(h[i][2]);
            r.lossDFake = float(h[i][3]);
            r.lossG = float(h[i][4]);
            r.dReal = float(h[i][5]);
            r.dFake = float(h[i][6]);
            r.gradNormD = float(h[i][7]);
            r.gradNormG = float(h[i][8]);
            r.seconds = h[i][9];
            fresh->history.push_back(r);
        }
        // Training never saves a non-finite weight (a NaN step is refused before the optimiser
        // step), so one here means the file was altered.
        for (const auto &[key, net] : {std::pair{"generator", fresh->G}, std::pair{"discriminator", fresh->D},
                                       std::pair{"generator_ema", fresh->Gema}}) {
            if (!net)
                continue;
            for (const auto &t : net->named_parameters())
                if (!torch::isfinite(t.value()).all().item<bool>())
                    throw std::runtime_error(std::string(key) + " weight " + t.key() + " holds NaN or infinite values");
            for (const auto &t : net->named_buffers())
                if (t.value().is_floating_point() && !torch::isfinite(t.value()).all().item<bool>())
                    throw std::runtime_error(std::string(key) + " buffer " + t.key() + " holds NaN or infinite values");
        }
        if (!torch::isfinite(fresh->evalNoise).all().item<bool>())
            throw std::runtime_error("its evaluation noise holds NaN or infinite values");
    } catch (const std::exception &e) {
        return QStringLiteral("%1: the checkpoint does not fit this experiment or is damaged (%2); nothing was changed")
            .arg(path, firstLine(e));
    }
    d = std::move(fresh);
    return QString();
}
