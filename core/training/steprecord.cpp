#include "steprecord.h"

#include <QByteArray>
#include <QList>

#include <algorithm>

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

const std::vector<QualityColumn> &qualityColumns()
{
    // clang-format off
    static const std::vector<QualityColumn> table = {
        {"fd",               [](const QualityRecord &r) { return r.fd; },               [](QualityRecord &r, double v) { r.fd = v; }, 9},
        {"kid",              [](const QualityRecord &r) { return r.kid; },              [](QualityRecord &r, double v) { r.kid = v; }, 9},
        {"kid_se",           [](const QualityRecord &r) { return r.kidStandardError; }, [](QualityRecord &r, double v) { r.kidStandardError = v; }, 9},
        {"precision",        [](const QualityRecord &r) { return r.precision; },        [](QualityRecord &r, double v) { r.precision = v; }, 9},
        {"recall",           [](const QualityRecord &r) { return r.recall; },           [](QualityRecord &r, double v) { r.recall = v; }, 9},
        {"density",          [](const QualityRecord &r) { return r.density; },          [](QualityRecord &r, double v) { r.density = v; }, 9},
        {"coverage",         [](const QualityRecord &r) { return r.coverage; },         [](QualityRecord &r, double v) { r.coverage = v; }, 9},
        {"classifier_score", [](const QualityRecord &r) { return r.classifierScore; },  [](QualityRecord &r, double v) { r.classifierScore = v; }, 9},
    };
    // clang-format on
    return table;
}

QByteArray csvHeader()
{
    QByteArray line;
    for (const StepColumn &c : columns())
        line += (line.isEmpty() ? "" : ",") + QByteArray(c.name);
    for (const QualityColumn &c : qualityColumns())
        line += ',' + QByteArray(c.name);
    return line + '\n';
}

QByteArray csvRow(const StepRecord &r, const QualityRecord *quality)
{
    QByteArray line;
    for (const StepColumn &c : columns()) {
        if (!line.isEmpty())
            line += ',';
        line += QByteArray::number(c.get(r), 'g', c.digits);
    }
    for (const QualityColumn &c : qualityColumns()) {
        line += ',';
        if (quality)
            line += QByteArray::number(c.get(*quality), 'g', c.digits);
    }
    return line + '\n';
}

QByteArray csv(const std::vector<StepRecord> &history, const std::vector<QualityRecord> &quality)
{
    QByteArray text = csvHeader();
    auto measured = quality.begin();
    for (const StepRecord &r : history) {
        while (measured != quality.end() && measured->step < r.step)
            ++measured;
        text += csvRow(r, measured != quality.end() && measured->step == r.step ? &*measured : nullptr);
    }
    return text;
}

MetricsColumns::MetricsColumns(const QByteArray &header)
{
    const QList<QByteArray> names = header.trimmed().split(',');
    m_count = int(names.size());
    for (const StepColumn &c : columns())
        m_step.push_back(int(names.indexOf(c.name)));
    for (const QualityColumn &c : qualityColumns())
        m_quality.push_back(int(names.indexOf(c.name)));
}

namespace {
// Each of `columns` found in the table (`at`: its place in a row, or -1) set in `record` from
// `cells`; false when one of those cells is not a number.
template <typename Column, typename Record>
bool setFound(const std::vector<Column> &columns, const std::vector<int> &at, const QList<QByteArray> &cells, Record *record)
{
    bool ok = true;
    for (size_t i = 0; i < at.size(); ++i)
        if (at[i] >= 0) {
            bool cellOk = false;
            columns[i].set(*record, cells[at[i]].toDouble(&cellOk));
            ok = ok && cellOk;
        }
    return ok;
}
}  // namespace

bool MetricsColumns::steps(const QList<QByteArray> &cells, StepRecord *r) const
{
    return setFound(columns(), m_step, cells, r);
}

bool MetricsColumns::quality(const QList<QByteArray> &cells, QualityRecord *q) const
{
    const auto first = std::find_if(m_quality.begin(), m_quality.end(), [](int at) { return at >= 0; });
    if (!hasSteps() || first == m_quality.end() || cells[*first].isEmpty())
        return false;  // no measures in the table, or not measured on this row
    bool ok = false;
    q->step = cells[m_step.front()].toLongLong(&ok);
    return setFound(qualityColumns(), m_quality, cells, q) && ok;
}

std::vector<QualityRecord> qualityFromCsv(const QByteArray &csv)
{
    std::vector<QualityRecord> out;
    const QList<QByteArray> lines = csv.split('\n');
    if (lines.isEmpty())
        return out;
    const MetricsColumns table(lines.first());
    for (qsizetype l = 1; l < lines.size(); ++l) {
        const QList<QByteArray> cells = lines[l].trimmed().split(',');
        QualityRecord q;
        if (cells.size() == table.count() && table.quality(cells, &q))  // not a row cut short by a full disk
            out.push_back(q);
    }
    return out;
}

}  // namespace steprecords
