#include "steprecord.h"

namespace steprecords {

const std::vector<StepColumn> &columns()
{
    // clang-format off
    static const std::vector<StepColumn> table = {
        {"step",        [](const StepRecord &r) { return double(r.step); },      [](StepRecord &r, double v) { r.step = std::int64_t(v); }, 19},
        {"loss_d",      [](const StepRecord &r) { return double(r.lossD); },     [](StepRecord &r, double v) { r.lossD = float(v); }, 9},
        {"loss_d_real", [](const StepRecord &r) { return double(r.lossDReal); }, [](StepRecord &r, double v) { r.lossDReal = float(v); }, 9},
        {"loss_d_fake", [](const StepRecord &r) { return double(r.lossDFake); }, [](StepRecord &r, double v) { r.lossDFake = float(v); }, 9},
        {"loss_g",      [](const StepRecord &r) { return double(r.lossG); },     [](StepRecord &r, double v) { r.lossG = float(v); }, 9},
        {"d_real",      [](const StepRecord &r) { return double(r.dReal); },     [](StepRecord &r, double v) { r.dReal = float(v); }, 9},
        {"d_fake",      [](const StepRecord &r) { return double(r.dFake); },     [](StepRecord &r, double v) { r.dFake = float(v); }, 9},
        {"grad_norm_d", [](const StepRecord &r) { return double(r.gradNormD); }, [](StepRecord &r, double v) { r.gradNormD = float(v); }, 9},
        {"grad_norm_g", [](const StepRecord &r) { return double(r.gradNormG); }, [](StepRecord &r, double v) { r.gradNormG = float(v); }, 9},
        {"seconds",     [](const StepRecord &r) { return r.seconds; },           [](StepRecord &r, double v) { r.seconds = v; }, 6},
    };
    // clang-format on
    return table;
}

QByteArray csvHeader()
{
    QByteArray line;
    for (const StepColumn &c : columns())
        line += (line.isEmpty() ? "" : ",") + QByteArray(c.name);
    return line + '\n';
}

QByteArray csvRow(const StepRecord &r)
{
    QByteArray line;
    for (const StepColumn &c : columns()) {
        if (!line.isEmpty())
            line += ',';
        line += QByteArray::number(c.get(r), 'g', c.digits);
    }
    return line + '\n';
}

}  // namespace steprecords
