// Trainer::exportWeights: the run as a safetensors file for the exported PyTorch script
// (export/pytorchscript), so that Python reads it without this program's code.
#include "trainerimpl_p.h"

#include "errortext.h"

#include "export/pytorchscript.h"
#include "io/atomicfile.h"
#include "spec/specjson.h"

#include <torch/version.h>

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Messages a user reads: translated (context "Trainer").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Trainer)
};

QString dtypeName(torch::ScalarType type)
{
    switch (type) {
    case torch::kFloat:
        return QStringLiteral("F32");
    case torch::kDouble:
        return QStringLiteral("F64");
    case torch::kLong:
        return QStringLiteral("I64");
    case torch::kInt:
        return QStringLiteral("I32");
    case torch::kByte:
        return QStringLiteral("U8");
    case torch::kBFloat16:
        return QStringLiteral("BF16");
    default:
        break;
    }
    throw std::runtime_error(std::string("a tensor of type ") + c10::toString(type) + " has no safetensors name here");
}

// safetensors (Hugging Face's format): 8 bytes little-endian header length, a JSON header naming
// each tensor's type, shape and byte range, the tensors' bytes one after another (little-endian,
// C order). The header is padded with spaces to a multiple of 8 bytes.
class SafeTensors {
public:
    void add(const QString &name, const torch::Tensor &tensor)
    {
        if (!tensor.defined())
            return;
        const torch::Tensor t = tensor.detach().to(torch::kCPU).contiguous();
        QJsonArray shape;
        for (std::int64_t d : t.sizes())
            shape.append(qint64(d));
        const qint64 begin = m_data.size();
        m_data.append(static_cast<const char *>(t.data_ptr()), qsizetype(t.nbytes()));
        m_header.insert(name, QJsonObject{{QStringLiteral("dtype"), dtypeName(t.scalar_type())},
                                          {QStringLiteral("shape"), shape},
                                          {QStringLiteral("data_offsets"), QJsonArray{begin, qint64(m_data.size())}}});
    }
    void note(const QString &key, const QString &value) { m_metadata.insert(key, value); }

    QString write(const QString &path, const QString &what)
    {
        QJsonObject header = m_header;
        header.insert(QStringLiteral("__metadata__"), m_metadata);
        QByteArray json = QJsonDocument(header).toJson(QJsonDocument::Compact);
        while (json.size() % 8 != 0)
            json.append(' ');
        QByteArray length(8, '\0');
        quint64 n = quint64(json.size());
        for (int i = 0; i < 8; ++i, n >>= 8)
            length[i] = char(n & 0xff);
        return atomicfile::write(path, {length, json, m_data}, what);
    }

private:
    QJsonObject m_header;
    QJsonObject m_metadata;
    QByteArray m_data;
};

const torch::optim::OptimizerParamState *stateOf(const torch::optim::Optimizer &optimizer, const torch::Tensor &p)
{
#if TORCH_VERSION_MAJOR >= 2
    const auto found = optimizer.state().find(p.unsafeGetTensorImpl());
#else
    const auto found = optimizer.state().find(c10::guts::to_string(p.unsafeGetTensorImpl()));
#endif
    return found == optimizer.state().end() ? nullptr : found->second.get();
}

// An optimiser's per-parameter state under the names PyTorch's optimisers give it ("step",
// "exp_avg", ...), by the script's parameter names: "optimizer_g/layers.g1.weight/exp_avg".
void addOptimizer(SafeTensors &out, const QString &key, const torch::optim::Optimizer &optimizer, const torch::nn::Sequential &net,
                  const ExperimentSpec &spec, NetworkRole role)
{
    for (const auto &named : net->named_parameters()) {
        const QString prefix = key + QLatin1Char('/')
            + pytorchscript::moduleKey(spec, role, QString::fromStdString(named.key())) + QLatin1Char('/');
        const torch::optim::OptimizerParamState *state = stateOf(optimizer, named.value());
        if (!state)
            continue;
        // PyTorch keeps Adam's step as a float tensor (RMSprop's as a number; a tensor serves).
        const auto step = [](std::int64_t s) { return torch::tensor(float(s)); };
        if (const auto *adam = dynamic_cast<const torch::optim::AdamParamState *>(state)) {
            out.add(prefix + QStringLiteral("step"), step(adam->step()));
            out.add(prefix + QStringLiteral("exp_avg"), adam->exp_avg());
            out.add(prefix + QStringLiteral("exp_avg_sq"), adam->exp_avg_sq());
            out.add(prefix + QStringLiteral("max_exp_avg_sq"), adam->max_exp_avg_sq());
        } else if (const auto *sgd = dynamic_cast<const torch::optim::SGDParamState *>(state)) {
            out.add(prefix + QStringLiteral("momentum_buffer"), sgd->momentum_buffer());
        } else if (const auto *rms = dynamic_cast<const torch::optim::RMSpropParamState *>(state)) {
            out.add(prefix + QStringLiteral("step"), step(rms->step()));
            out.add(prefix + QStringLiteral("square_avg"), rms->square_avg());
            out.add(prefix + QStringLiteral("momentum_buffer"), rms->momentum_buffer());
            out.add(prefix + QStringLiteral("grad_avg"), rms->grad_avg());
        }
    }
}

void addNetwork(SafeTensors &out, const QString &key, const torch::nn::Sequential &net, const ExperimentSpec &spec, NetworkRole role)
{
    for (const auto &named : net->named_parameters())
        out.add(key + QLatin1Char('/') + pytorchscript::moduleKey(spec, role, QString::fromStdString(named.key())), named.value());
    for (const auto &named : net->named_buffers())
        out.add(key + QLatin1Char('/') + pytorchscript::moduleKey(spec, role, QString::fromStdString(named.key())), named.value());
}
}  // namespace

QString Trainer::exportWeights(const QString &path) const
{
    if (d->pending)
        return Text::tr("%1: not written, because step %2 is half done in slow motion; finish the step, then export")
            .arg(path)
            .arg(d->pending->number);
    try {
        SafeTensors out;
        const ExperimentSpec &spec = d->spec;
        addNetwork(out, QStringLiteral("generator"), d->G, spec, NetworkRole::Generator);
        addNetwork(out, QStringLiteral("discriminator"), d->D, spec, NetworkRole::Discriminator);
        if (d->Gema)
            addNetwork(out, QStringLiteral("generator_ema"), d->Gema, spec, NetworkRole::Generator);
        addOptimizer(out, QStringLiteral("optimizer_g"), *d->optG, d->G, spec, NetworkRole::Generator);
        addOptimizer(out, QStringLiteral("optimizer_d"), *d->optD, d->D, spec, NetworkRole::Discriminator);
        out.add(QStringLiteral("rng"), d->gen.get_state());
        if (d->batches.order.defined())
            out.add(QStringLiteral("order"), d->batches.order);
        out.add(QStringLiteral("fixed_noise"), d->evalNoise);
        out.note(QStringLiteral("format"), QStringLiteral("gan-playground-pytorch-weights"));
        out.note(QStringLiteral("step"), QString::number(d->step));
        out.note(QStringLiteral("cursor"), QString::number(d->batches.cursor));
        out.note(QStringLiteral("experiment"), QString::fromUtf8(specjson::toBytes(spec)));
        return out.write(path, Text::tr("weights"));
    } catch (const std::exception &e) {
        return Text::tr("%1: cannot write the weights: %2").arg(path, errorText(e));
    }
}
