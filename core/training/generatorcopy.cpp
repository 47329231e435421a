#include "generatorcopy_p.h"
#include "errortext.h"
#include "trainer.h"

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
    torch::Device device{torch::kCPU};
    // Built once by whichever thread needs it first; read-only from then on.
    std::once_flag built;
    torch::nn::Sequential net{nullptr};
    QString buildError;

    bool build(QString *error)
    {
        std::call_once(built, [this] {
            try {
                net = modulebuilder::rebuild(spec.generator, QStringLiteral("g"), state);
                net->to(device);
                state.clear();  // the network holds the weights now
            } catch (const std::exception &e) {
                buildError = Text::tr("cannot rebuild the generator from step %1: %2").arg(step).arg(errorText(e));
            }
        });
        if (net)
            return true;
        if (error)
            *error = buildError;
        return false;
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

void GeneratorCopy::setDevice(const QString &device)
{
    d->device = torch::Device(Trainer::resolveDevice(device).toStdString());
}

QString GeneratorCopy::device() const { return QString::fromStdString(d->device.str()); }

const ExperimentSpec &GeneratorCopy::spec() const { return d->spec; }
int GeneratorCopy::latentDim() const { return d->spec.latentDim; }
std::int64_t GeneratorCopy::step() const { return d->step; }

const std::vector<float> &GeneratorCopy::evalLatents() const { return d->evalLatents; }

std::vector<float> GeneratorCopy::evalLatent(int index) const
{
    const size_t n = size_t(d->spec.latentDim);
    if (index < 0 || n == 0 || (size_t(index) + 1) * n > d->evalLatents.size())
        return {};
    const auto begin = d->evalLatents.begin() + std::ptrdiff_t(size_t(index) * n);
    return std::vector<float>(begin, begin + std::ptrdiff_t(n));
}

namespace {
void setError(QString *error, const QString &message)
{
    if (error)
        *error = message;
}
}  // namespace

SampleBatch GeneratorCopy::generate(const std::vector<float> &latents, int count, QString *error) const
{
    if (count < 1 || latents.size() != size_t(count) * size_t(d->spec.latentDim)) {
        setError(error, Text::tr("%1 latent values do not make %2 vectors of %3").arg(latents.size()).arg(count).arg(d->spec.latentDim));
        return {};
    }
    if (!d->build(error))
        return {};
    try {
        torch::NoGradGuard noGrad;
        const torch::Tensor z = torch::from_blob(const_cast<float *>(latents.data()), {count, d->spec.latentDim}, torch::kFloat);
        return toSampleBatch(d->net->forward(z.to(d->device)));
    } catch (const std::exception &e) {
        // c10::Error (an allocation the allocator refused among them) or std::bad_alloc.
        setError(error, errorText(e));
        return {};
    }
}

SampleBatch GeneratorCopy::sample(int count, std::uint64_t seed, QString *error) const
{
    if (count < 1) {
        setError(error, Text::tr("no samples asked for"));
        return {};
    }
    if (!d->build(error))
        return {};
    try {
        torch::NoGradGuard noGrad;
        return seededsamples::draw([this](const torch::Tensor &z) { return toSampleBatch(d->net->forward(z.to(d->device))); }, count, seed,
                                   d->spec.latentDim, d->spec.prior);
    } catch (const std::exception &e) {
        setError(error, errorText(e));
        return {};
    }
}

bool withGeneratorNetwork(const GeneratorCopy &copy, const std::function<void(torch::nn::Sequential &)> &work, QString *error)
{
    if (!copy.d->build(error))
        return false;
    work(copy.d->net);
    return true;
}

torch::Device networkDevice(const torch::nn::Sequential &net)
{
    for (const torch::Tensor &p : net->parameters())
        return p.device();
    return torch::kCPU;
}
