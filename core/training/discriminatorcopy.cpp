#include "discriminatorcopy.h"

#include "errortext.h"
#include "losses_p.h"

#include "nn/conditioning_p.h"
#include "nn/torchmodules_p.h"

#include <algorithm>

#include <QCoreApplication>
#include <ATen/CPUGeneratorImpl.h>

#include <sstream>

namespace {
// Messages a user reads: translated (context "DiscriminatorCopy").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(DiscriminatorCopy)
};
}  // namespace

struct DiscriminatorCopy::Impl {
    ExperimentSpec spec;
    QByteArray state;
    std::int64_t step = 0;
    torch::nn::Sequential net{nullptr};
    QString error;
    int label = 0;

    // D(x | label) for a batch of points: the score and (auxiliary) the class logits.
    conditioning::Output judge(const torch::Tensor &x)
    {
        const torch::Tensor labels = torch::full({x.size(0)}, std::int64_t(label), torch::kLong);
        return conditioning::discriminate(net, spec, x, labels);
    }

    bool build()
    {
        if (net)
            return true;
        try {
            // Built as the trainer builds it: a final Sigmoid dropped for the sigmoid losses,
            // which work on logits.
            net = modulebuilder::rebuild(spec, NetworkRole::Discriminator, state);
            state.clear();
            return true;
        } catch (const std::exception &e) {
            error = Text::tr("cannot rebuild the discriminator from step %1: %2").arg(step).arg(errorText(e));
            return false;
        }
    }

    // The points as a [count, 2] tensor, or undefined (with the error set) when they do not fit.
    torch::Tensor input(const std::vector<float> &points, int count)
    {
        if (count < 1 || points.size() != size_t(count) * 2) {
            error = Text::tr("%1 values are not %2 points").arg(points.size()).arg(count);
            return {};
        }
        if (!build())
            return {};
        return torch::from_blob(const_cast<float *>(points.data()), {count, 2}, torch::kFloat).clone();
    }

    static std::vector<float> values(const torch::Tensor &t)
    {
        const torch::Tensor c = t.detach().to(torch::kFloat).contiguous();
        return std::vector<float>(c.data_ptr<float>(), c.data_ptr<float>() + c.numel());
    }
};

DiscriminatorCopy::DiscriminatorCopy(const ExperimentSpec &spec, QByteArray state, std::int64_t step) : d(std::make_unique<Impl>())
{
    d->spec = spec;
    d->state = std::move(state);
    d->step = step;
}

DiscriminatorCopy::~DiscriminatorCopy() = default;

const ExperimentSpec &DiscriminatorCopy::spec() const { return d->spec; }
std::int64_t DiscriminatorCopy::step() const { return d->step; }
bool DiscriminatorCopy::scoresAreProbabilities() const { return losses::usesSigmoid(d->spec.loss.kind); }
void DiscriminatorCopy::setLabel(int label)
{
    const int classes = d->spec.conditioning.enabled() ? d->spec.conditioning.classes : 1;
    d->label = std::clamp(label, 0, classes - 1);
}
int DiscriminatorCopy::label() const { return d->label; }
QString DiscriminatorCopy::error() const { return d->error; }

std::vector<float> DiscriminatorCopy::rawOutputs(const std::vector<float> &points, int count)
{
    try {
        const torch::Tensor x = d->input(points, count);
        if (!x.defined())
            return {};
        torch::NoGradGuard noGrad;
        return Impl::values(d->judge(x).score.reshape({count}));
    } catch (const std::exception &e) {
        d->error = errorText(e);
        return {};
    }
}

std::vector<float> DiscriminatorCopy::scores(const std::vector<float> &points, int count)
{
    std::vector<float> out = rawOutputs(points, count);
    if (scoresAreProbabilities())
        for (float &v : out)
            v = 1.0f / (1.0f + std::exp(-v));
    return out;
}

std::vector<float> DiscriminatorCopy::generatorPush(const std::vector<float> &points, int count)
{
    try {
        const torch::Tensor x = d->input(points, count);
        if (!x.defined())
            return {};
        x.requires_grad_(true);
        const conditioning::Output judged = d->judge(x);
        const torch::Tensor labels = torch::full({count}, std::int64_t(d->label), torch::kLong);
        // The loss is a mean over the batch: times count, each sample's own loss's gradient.
        const torch::Tensor loss = (losses::generator(d->spec.loss.kind, judged.score.reshape({count, 1}))
                                    + conditioning::classLoss(d->spec, judged, labels))
            * double(count);
        const torch::Tensor grad = torch::autograd::grad({loss}, {x})[0];
        return Impl::values(-grad);
    } catch (const std::exception &e) {
        d->error = errorText(e);
        return {};
    }
}
