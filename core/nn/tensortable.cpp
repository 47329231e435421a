#include "tensortable_p.h"

#include <QCoreApplication>
#include <QSet>
#include <QStringList>

namespace {
// Messages a user reads: translated (context "Checkpoint").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(Checkpoint)
};

QString shapeText(const std::vector<std::int64_t> &sizes)
{
    QStringList parts;
    for (std::int64_t s : sizes)
        parts << (s < 0 ? QStringLiteral("n") : QString::number(s));
    return QLatin1Char('[') + parts.join(QStringLiteral(", ")) + QLatin1Char(']');
}

// The tensors LibTorch's optimisers save per parameter (Adam, SGD, RMSprop).
const char *const kOptimizerStates[] = {"exp_avg", "exp_avg_sq", "max_exp_avg_sq", "momentum_buffer", "square_avg", "grad_avg"};
}  // namespace

namespace tensortable {

void addModule(Table &table, const QString &prefix, const torch::nn::Module &module)
{
    const auto add = [&](const std::string &key, const torch::Tensor &t) {
        // Module::save nests child modules: "g1.weight" is written as g1/weight.
        table[prefix + QLatin1Char('/') + QString::fromStdString(key).replace(QLatin1Char('.'), QLatin1Char('/'))] =
            Expected{t.scalar_type(), t.sizes().vec(), true};
    };
    for (const auto &p : module.named_parameters())
        add(p.key(), p.value());
    for (const auto &b : module.named_buffers())
        add(b.key(), b.value());
}

void addOptimizer(Table &table, const torcharchive::Contents &contents, const QString &prefix, torch::optim::Optimizer &optimizer)
{
    const QString groups = prefix + QStringLiteral("/param_groups/param_groups/");
    table[groups + QStringLiteral("size")] = Expected{c10::ScalarType::Long, {}, true};
    const auto &paramGroups = optimizer.param_groups();
    for (size_t g = 0; g < paramGroups.size(); ++g) {
        const QString group = groups + QString::number(g) + QStringLiteral("/params/");
        table[group + QStringLiteral("size")] = Expected{c10::ScalarType::Long, {}, true};
        const auto &params = paramGroups[g].params();
        for (size_t i = 0; i < params.size(); ++i) {
            // LibTorch names each parameter's state by an address it saved in the group's list
            // and matches the state to the parameter at the same place when loading.
            const QString key = contents.values.value(group + QString::number(i)).toString();
            if (key.isEmpty() || key.contains(QLatin1Char('/')))
                continue;  // LibTorch refuses a group of another size when it loads
            for (const char *state : kOptimizerStates)
                table[prefix + QStringLiteral("/state/") + key + QLatin1Char('/') + QLatin1String(state)] =
                    Expected{params[i].scalar_type(), params[i].sizes().vec(), false};
        }
    }
}

QString compare(const torcharchive::Contents &contents, const Table &table)
{
    QSet<QString> found;
    for (const torcharchive::TensorInfo &t : contents.tensors) {
        const auto it = table.find(t.path);
        if (it == table.end())
            return Text::tr("it holds a tensor %1 that this experiment's checkpoint does not have").arg(t.path);
        const Expected &e = it->second;
        const QString type = QString::fromLatin1(c10::toString(e.type));
        if (t.dtype != type)
            return Text::tr("tensor %1 holds %2 values where this experiment's are %3").arg(t.path, t.dtype, type);
        bool same = t.sizes.size() == e.sizes.size();
        for (size_t d = 0; same && d < e.sizes.size(); ++d)
            same = e.sizes[d] < 0 || e.sizes[d] == t.sizes[d];
        if (!same)
            return Text::tr("tensor %1 has the shape %2 where this experiment's is %3").arg(t.path, shapeText(t.sizes), shapeText(e.sizes));
        found.insert(t.path);
    }
    for (const auto &[path, e] : table)
        if (e.required && !found.contains(path))
            return Text::tr("tensor %1 is missing").arg(path);
    return QString();
}

}  // namespace tensortable
