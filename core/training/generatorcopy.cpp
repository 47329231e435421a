#include "generatorcopy_p.h"
#include "errortext.h"

#include "nn/torchmodules_p.h"
#include "seededsamples_p.h"
#include "tensorsamples_p.h"

#include <QCoreApplication>
#include <ATen/CPUGeneratorImpl.h>

#include <mutex>
#include <sstream>

namespace {
// Messages a user reads: translated (context "GeneratorCopy").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(GeneratorCopy)
};
}  // namespace

struct GeneratorCopy::Impl {
    ExperimentSpec spec;
    QByteArray state;
    std::int64_t step = 0;
    std::vector<float> evalLatents;
    torch::nn::Sequential net{nullptr};
    QString error;
    std::mutex mutex;  // the latent renderer and the 2D lab may share a copy

    bool build()
    {
        if (net)
            return true;
        try {
            net = modulebuilder::rebuild(spec.generator, QStringLiteral("g"), state);
            state.clear();  // the network holds the weights now
            return true;
        } catch (const std::exception &e) {
            error = Text::tr("cannot rebuild the generator from step %1: %2")
                        .arg(step)
                        .arg(errorText(e));
            return false;
        }
    }
};

GeneratorCopy::GeneratorCopy(const ExperimentSpec &spec, QByteArray state, std::int64_t step, std::vector<float> evalLatents)
    : d(std::make_unique<Impl>())
{
    d->spec = spec;
    d->state = std::move(state);
    d->step = step;
    d->evalLatents = std::move(evalLatents);
}

GeneratorCopy::~GeneratorCopy() = default;

const ExperimentSpec &GeneratorCopy::spec() const { return d->spec; }
int GeneratorCopy::latentDim() const { return d->spec.latentDim; }
std::int64_t GeneratorCopy::step() const { return d->step; }
QString GeneratorCopy::error() const { return d->error; }

const std::vector<float> &GeneratorCopy::evalLatents() const { return d->evalLatents; }

std::vector<float> GeneratorCopy::evalLatent(int index) const
{
    const size_t n = size_t(d->spec.latentDim);
    if (index < 0 || n == 0 || (size_t(index) + 1) * n > d->evalLatents.size())
        return {};
    const auto begin = d->evalLatents.begin() + std::ptrdiff_t(size_t(index) * n);
    return std::vector<float>(begin, begin + std::ptrdiff_t(n));
}

SampleBatch GeneratorCopy::generate(const std::vector<float> &latents, int count)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    if (count < 1 || latents.size() != size_t(count) * size_t(d->spec.latentDim)) {
        d->error = Text::tr("%1 latent values do not make %2 vectors of %3").arg(latents.size()).arg(count).arg(d->spec.latentDim);
        return {};
    }
    if (!d->build())
        return {};
    try {
        torch::NoGradGuard noGrad;
        const torch::Tensor z = torch::from_blob(const_cast<float *>(latents.data()), {count, d->spec.latentDim}, torch::kFloat);
        return toSampleBatch(d->net->forward(z));
    } catch (const std::exception &e) {
        // c10::Error (an allocation the allocator refused among them) or std::bad_alloc.
        d->error = errorText(e);
        return {};
    }
}

SampleBatch GeneratorCopy::sample(int count, std::uint64_t seed)
{
    std::lock_guard<std::mutex> lock(d->mutex);
    if (count < 1 || !d->build())
        return {};
    try {
        torch::NoGradGuard noGrad;
        return seededsamples::draw([this](const torch::Tensor &z) { return toSampleBatch(d->net->forward(z)); }, count, seed,
                                   d->spec.latentDim, d->spec.prior);
    } catch (const std::exception &e) {
        d->error = errorText(e);
        return {};
    }
}

bool withGeneratorNetwork(GeneratorCopy &copy, const std::function<void(torch::nn::Sequential &)> &work)
{
    std::lock_guard<std::mutex> lock(copy.d->mutex);
    if (!copy.d->build())
        return false;
    work(copy.d->net);
    return true;
}
