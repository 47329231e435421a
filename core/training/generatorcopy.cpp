#include "generatorcopy_p.h"
#include "errortext.h"
#include "trainer.h"

#include "nn/conditioning_p.h"
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
    std::vector<int> evalLabels;
    torch::Device device{torch::kCPU};
    // Built once by whichever thread needs it first; read-only from then on.
    std::once_flag built;
    torch::nn::Sequential net{nullptr};
    QString buildError;

    // Samples for `count` latent vectors joined with the class weights `classWeights` makes
    // (count x classes rows; undefined for an unconditional generator), after the checks.
    SampleBatch render(const std::vector<float> &latents, int count, const std::function<torch::Tensor()> &classWeights,
                       QString *error);

    bool build(QString *error)
    {
        std::call_once(built, [this] {
            try {
                net = modulebuilder::rebuild(spec, NetworkRole::Generator, state);
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

GeneratorCopy::GeneratorCopy(const ExperimentSpec &spec, QByteArray state, std::int64_t step, std::vector<float> evalLatents,
                             std::vector<int> evalLabels)
    : d(std::make_unique<Impl>())
{
    d->spec = spec;
    d->state = std::move(state);
    d->step = step;
    d->evalLatents = std::move(evalLatents);
    d->evalLabels = std::move(evalLabels);
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
const std::vector<int> &GeneratorCopy::evalLabels() const { return d->evalLabels; }
int GeneratorCopy::classes() const { return d->spec.conditioning.enabled() ? d->spec.conditioning.classes : 0; }

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

namespace {
// Why `label` cannot be asked of a generator of `classes` classes (0: unconditional), or empty.
QString classProblem(int label, int classes)
{
    if (label >= 0 && label < std::max(classes, 1))
        return QString();
    return classes > 0 ? Text::tr("class %1 does not exist: this run has classes 0 to %2").arg(label).arg(classes - 1)
                       : Text::tr("class %1 asked of a run without classes").arg(label);
}
}  // namespace

SampleBatch GeneratorCopy::Impl::render(const std::vector<float> &latents, int count,
                                        const std::function<torch::Tensor()> &classWeights, QString *error)
{
    if (count < 1 || latents.size() != size_t(count) * size_t(spec.latentDim)) {
        setError(error, Text::tr("%1 latent values do not make %2 vectors of %3").arg(latents.size()).arg(count).arg(spec.latentDim));
        return {};
    }
    if (!build(error))
        return {};
    try {
        torch::NoGradGuard noGrad;
        const torch::Tensor z = torch::from_blob(const_cast<float *>(latents.data()), {count, spec.latentDim}, torch::kFloat);
        return toSampleBatch(net->forward(conditioning::generatorInputMixed(spec, z, classWeights()).to(device)));
    } catch (const std::exception &e) {
        // c10::Error (an allocation the allocator refused among them) or std::bad_alloc.
        setError(error, errorText(e));
        return {};
    }
}

SampleBatch GeneratorCopy::generate(const std::vector<float> &latents, int count, QString *error,
                                    const std::vector<int> &labels) const
{
    const int classes = this->classes();
    if (!labels.empty() && labels.size() != size_t(count)) {
        setError(error, Text::tr("%1 labels for %2 samples").arg(labels.size()).arg(count));
        return {};
    }
    for (int label : labels)
        if (const QString problem = classProblem(label, classes); !problem.isEmpty()) {
            setError(error, problem);
            return {};
        }
    return d->render(latents, count, [&] {
        if (classes == 0)
            return torch::Tensor();
        torch::Tensor y = torch::zeros({count}, torch::kLong);  // class 0 unless asked
        if (!labels.empty())
            y = torch::tensor(std::vector<std::int64_t>(labels.begin(), labels.end()), torch::kLong);
        return conditioning::oneHot(y, classes);
    }, error);
}

SampleBatch GeneratorCopy::generateBetween(const std::vector<float> &latents, int count, int from, int to,
                                           const std::vector<float> &t, QString *error) const
{
    const int classes = this->classes();
    if (classes == 0 || from < 0 || to < 0 || from >= classes || to >= classes || t.size() != size_t(count)) {
        setError(error, classes > 0 ? Text::tr("classes %1 and %2, %3 mixes for %4 samples: this run has classes 0 to %5")
                                          .arg(from).arg(to).arg(t.size()).arg(count).arg(classes - 1)
                                    : Text::tr("classes asked of a run without classes"));
        return {};
    }
    return d->render(latents, count, [&] {
        const torch::Tensor share = torch::from_blob(const_cast<float *>(t.data()), {count}, torch::kFloat);
        torch::Tensor weights = torch::zeros({count, classes});
        weights.select(1, from).add_(1 - share);
        weights.select(1, to).add_(share);
        return weights;
    }, error);
}

SampleBatch GeneratorCopy::sample(int count, std::uint64_t seed, QString *error, int label) const
{
    if (count < 1) {
        setError(error, Text::tr("no samples asked for"));
        return {};
    }
    if (label >= 0)
        if (const QString problem = classProblem(label, classes()); !problem.isEmpty()) {
            setError(error, problem);
            return {};
        }
    if (!d->build(error))
        return {};
    try {
        torch::NoGradGuard noGrad;
        return seededsamples::draw([this](const torch::Tensor &input) { return toSampleBatch(d->net->forward(input.to(d->device))); },
                                   count, seed, d->spec, label);
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
