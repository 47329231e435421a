#include "trainerimpl_p.h"

#include "ema_p.h"
#include "errortext.h"
#include "losses_p.h"
#include "optimizers_p.h"
#include "regularisers_p.h"

#include "nn/torchmodules_p.h"

#include <chrono>
#include <cmath>
#include <mutex>

#ifdef __GLIBC__
#include <malloc.h>
#endif

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
    return std::isnan(value) ? QStringLiteral("NaN") : QStringLiteral("infinite");
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
        if (s.emaDecay > 0)
            impl->Gema = ema::copyOf(impl->spec.generator, impl->G, impl->device);
        impl->optG = optimizers::make(s.optimizerG, impl->G->parameters());
        impl->optD = optimizers::make(s.optimizerD, impl->D->parameters());
        at::Generator evalGen = makeGenerator(s.seed + kEvalNoiseSeedOffset);
        impl->evalNoise = impl->noise(64, evalGen);

        impl->batches.setData(*impl->data);
    } catch (const std::exception &e) {
        // c10::Error (the allocator's refusal among them) or std::bad_alloc.
        *error = QStringLiteral("cannot build the networks: %1; make the layers or the batch smaller")
                     .arg(errorText(e));
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
    const double sigma = regularisers::instanceNoiseSigma(m.spec.loss, stepNumber);
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
    try {
        std::vector<torch::Tensor> kept = dParams;
        for (const auto &buffers : {m.D->buffers(), m.G->buffers()})
            kept.insert(kept.end(), buffers.begin(), buffers.end());
        m.rollback.keep(kept, {m.optD.get()}, m.gen);
    } catch (const std::exception &e) {
        *error = QStringLiteral("step %1: %2; nothing was changed").arg(stepNumber).arg(errorText(e));
        return false;
    }
    const BatchSampler keptBatches = m.batches;
    // The learning rates the schedule set for the previous step (a checkpoint holds them).
    std::vector<double> keptRates;
    for (torch::optim::Optimizer *o : {m.optG.get(), m.optD.get()})
        for (auto &group : o->param_groups())
            keptRates.push_back(group.options().get_lr());
    auto failed = [&] {
        m.rollback.restore();
        m.batches = keptBatches;
        size_t rate = 0;
        for (torch::optim::Optimizer *o : {m.optG.get(), m.optD.get()})
            for (auto &group : o->param_groups())
                group.options().set_lr(keptRates[rate++]);
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
        optimizers::applyDecay(m.spec, stepNumber, *m.optG, *m.optD);
        m.G->train();
        m.D->train();
        torch::Tensor fakeForG;
        fusedmlp::Pass gPass;
        for (int k = 0; k < m.spec.dStepsPerG; ++k) {
            const bool last = k + 1 == m.spec.dStepsPerG;
            const torch::Tensor real = m.batches.next(m.spec.batchSize, m.gen, m.device);
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
            torch::Tensor realIn = regularisers::withInstanceNoise(real, sigma, m.gen);
            const torch::Tensor fakeIn = regularisers::withInstanceNoise(fake, sigma, m.gen);
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
                    lossD = lossD + regularisers::gradientPenalty(m.D, realIn.detach(), fakeIn, m.spec.loss.gpLambda, m.gen);
                if (r1)
                    lossD = lossD + regularisers::r1Penalty(realOut, realIn, m.spec.loss.r1Gamma);
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
                fusedmlp::forward(*fusedD, regularisers::withInstanceNoise(fakeForG, sigma, m.gen), &dPass).detach().requires_grad_(true);
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
            const torch::Tensor lossG = losses::generator(kind, m.D->forward(regularisers::withInstanceNoise(fakeForG, sigma, m.gen)));
            lossG.backward();
            for (const torch::Tensor &p : dParams)
                p.requires_grad_(true);
            r.lossG = lossG.item<float>();
            if (!finiteOrStop(r.lossG, gParams, QStringLiteral("generator"), QStringLiteral("generator update"), &r.gradNormG))
                return failed();
        }
        optimizerStep(*m.optG);
        if (m.Gema)
            ema::update(m.Gema, m.G, m.spec.emaDecay);
    } catch (const std::exception &e) {
        *error = QStringLiteral("step %1: %2; the step was undone").arg(stepNumber).arg(errorText(e));
        return failed();
    }

    r.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.step = stepNumber;
    m.history.push_back(r);
    if (record)
        *record = r;
    return true;
}
