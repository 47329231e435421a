#include "sweep.h"

#include "io/atomicfile.h"
#include "spec/fieldpath.h"
#include "spec/specjson.h"
#include "training/steprecord.h"
#include "training/rundriver.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

#include <algorithm>
#include <cmath>
#include <limits>

namespace sweep {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(sweep)
};

constexpr const char *kFormat = "gan-playground-sweep";
constexpr qint64 kMaxRuns = 10000;

QString formatNumber(double v, int decimals)
{
    if (!std::isfinite(v))
        return QStringLiteral("-");
    // A figure too small for its decimals (|grad G| of a clipped critic, 0.0005) keeps two
    // significant digits rather than reading 0.00.
    if (v != 0 && std::abs(v) < 0.5 * std::pow(10.0, -decimals))
        return QString::number(v, 'g', 2);
    return QString::number(v, 'f', decimals);
}

bool readFile(const QString &path, QByteArray *bytes)
{
    QFile f(path);
    if (!f.open(QIODevice::ReadOnly))
        return false;
    *bytes = f.readAll();
    return true;
}

// A sweep without axes (seeds only) names its one row by the experiment.
QStringList rowKeys(const Plan &plan)
{
    QStringList keys;
    for (const Axis &a : plan.axes)
        keys << a.key;
    return keys.isEmpty() ? QStringList{QStringLiteral("experiment")} : keys;
}

QStringList rowValues(const Plan &plan, const Combination &c)
{
    return plan.axes.empty() ? QStringList{plan.base.name} : c.values;
}

}  // namespace

QString parseAxis(const QString &text, Axis *axis)
{
    const qsizetype eq = text.indexOf(QLatin1Char('='));
    if (eq <= 0)
        return Text::tr("--vary \"%1\": expected KEY=V1,V2,... (such as loss.kind=minimax,non-saturating)").arg(text);
    axis->key = text.left(eq).trimmed();
    axis->values.clear();
    for (const QString &v : text.mid(eq + 1).split(QLatin1Char(','))) {
        const QString value = v.trimmed();
        if (value.isEmpty())
            return Text::tr("--vary \"%1\": an empty value; separate the values with single commas").arg(text);
        if (axis->values.contains(value))
            return Text::tr("--vary \"%1\": the value \"%2\" is given twice").arg(text, value);
        axis->values << value;
    }
    for (const char *fixed : {"training.seed", "training.steps", "training.threads"})
        if (axis->key == QLatin1String(fixed))
            return Text::tr("--vary %1: give the seeds with --seeds, the steps with --steps and the threads with --threads")
                .arg(axis->key);
    return QString();
}

QString parseSeeds(const QString &text, std::vector<std::uint64_t> *seeds)
{
    seeds->clear();
    static const QRegularExpression range(QStringLiteral("^\\s*(\\d+)\\s*(?:-\\s*(\\d+)\\s*)?$"));
    const auto bad = [&] { return Text::tr("--seeds \"%1\": expected seeds such as 1-5 or 1,3,9 (whole numbers from 0 to %2)").arg(text).arg(ExperimentSpec::kMaxSeed); };
    for (const QString &part : text.split(QLatin1Char(','))) {
        const QRegularExpressionMatch m = range.match(part);
        if (!m.hasMatch())
            return bad();
        bool ok1 = false, ok2 = true;
        const qulonglong first = m.captured(1).toULongLong(&ok1);
        const qulonglong last = m.capturedLength(2) > 0 ? m.captured(2).toULongLong(&ok2) : first;
        if (!ok1 || !ok2 || last < first || last > ExperimentSpec::kMaxSeed)
            return bad();
        if (last - first >= qulonglong(kMaxRuns))
            return Text::tr("--seeds \"%1\": at most %2 seeds").arg(text).arg(kMaxRuns);
        for (qulonglong s = first; s <= last; ++s) {
            if (std::find(seeds->begin(), seeds->end(), s) != seeds->end())
                return Text::tr("--seeds \"%1\": seed %2 is given twice").arg(text).arg(s);
            seeds->push_back(s);
        }
    }
    return seeds->empty() ? bad() : QString();
}

QString folderName(const std::vector<Axis> &axes, const QStringList &values)
{
    static const QRegularExpression unsafe(QStringLiteral("[^A-Za-z0-9._+=-]"));
    QStringList parts;
    for (size_t i = 0; i < axes.size(); ++i) {
        QString name = axes[i].key.section(QLatin1Char('.'), -1);
        for (size_t j = 0; j < axes.size(); ++j)
            if (j != i && axes[j].key.section(QLatin1Char('.'), -1) == name)
                name = axes[i].key;  // two axes end alike: the whole key tells them apart
        parts << name + QLatin1Char('=') + values.value(qsizetype(i));
    }
    QString folder = parts.join(QLatin1Char('+'));
    folder.replace(unsafe, QStringLiteral("_"));
    return folder.isEmpty() ? QStringLiteral("base") : folder;
}

QString runFolder(const QString &dir, const Combination &c, std::uint64_t seed)
{
    return QDir(dir).filePath(c.folder + QStringLiteral("/seed-%1").arg(seed));
}

std::vector<Combination> combinations(const Plan &plan, QStringList *errors)
{
    std::vector<Combination> all;
    qint64 count = 1;
    for (const Axis &a : plan.axes)
        count *= std::max<qsizetype>(1, a.values.size());
    if (count * qint64(plan.seeds.size()) > kMaxRuns) {
        *errors << Text::tr("the sweep would make %1 runs; at most %2").arg(count * qint64(plan.seeds.size())).arg(kMaxRuns);
        return all;
    }
    // Each key and value alone first, so a bad one is named once, not in every combination.
    for (size_t i = 0; i < plan.axes.size(); ++i) {
        for (size_t j = 0; j < i; ++j)
            if (plan.axes[j].key == plan.axes[i].key)
                *errors << Text::tr("--vary %1 is given twice; give all its values in one --vary").arg(plan.axes[i].key);
        for (const QString &v : plan.axes[i].values) {
            ExperimentSpec s = plan.base;
            if (const QString e = fieldpath::set(&s, plan.axes[i].key, v); !e.isEmpty()) {
                *errors << e;
                break;  // an unknown key fails for every value
            }
        }
    }
    if (!errors->isEmpty())
        return all;
    std::vector<int> at(plan.axes.size(), 0);
    for (qint64 n = 0; n < count; ++n) {
        Combination c;
        c.spec = plan.base;
        for (size_t i = 0; i < plan.axes.size(); ++i) {
            c.values << plan.axes[i].values[at[i]];
            if (const QString e = fieldpath::set(&c.spec, plan.axes[i].key, c.values.back()); !e.isEmpty())
                *errors << e;
        }
        c.folder = folderName(plan.axes, c.values);
        const QStringList problems = runsetup::problems(c.spec);
        for (const QString &p : problems)
            *errors << Text::tr("%1: %2").arg(c.folder, p);
        all.push_back(c);
        for (int i = int(plan.axes.size()) - 1; i >= 0; --i) {  // the last axis fastest
            if (++at[size_t(i)] < plan.axes[size_t(i)].values.size())
                break;
            at[size_t(i)] = 0;
        }
    }
    for (size_t i = 0; i < all.size(); ++i)
        for (size_t j = 0; j < i; ++j)
            if (all[i].folder == all[j].folder)
                *errors << Text::tr("the values %1 and %2 give the same folder name; give them as written differently")
                               .arg(all[j].values.join(QLatin1Char(',')), all[i].values.join(QLatin1Char(',')));
    return all;
}

QString planPath(const QString &dir) { return QDir(dir).filePath(QStringLiteral("sweep.json")); }

QByteArray planToJson(const Plan &plan)
{
    QJsonObject o;
    o.insert(QStringLiteral("format"), QString::fromLatin1(kFormat));
    o.insert(QStringLiteral("version"), QStringLiteral("1.0"));
    o.insert(QStringLiteral("source"), plan.source);
    QJsonArray axes;
    for (const Axis &a : plan.axes)
        axes.append(QJsonObject{{QStringLiteral("key"), a.key}, {QStringLiteral("values"), QJsonArray::fromStringList(a.values)}});
    o.insert(QStringLiteral("vary"), axes);
    QJsonArray seeds;
    for (std::uint64_t s : plan.seeds)
        seeds.append(double(s));
    o.insert(QStringLiteral("seeds"), seeds);
    o.insert(QStringLiteral("steps"), qint64(plan.base.steps));
    o.insert(QStringLiteral("eval_count"), plan.evalCount);
    o.insert(QStringLiteral("experiment"), specjson::toJson(plan.base));
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

QString readPlan(const QString &dir, Plan *plan)
{
    const QString path = planPath(dir);
    QByteArray bytes;
    if (!readFile(path, &bytes))
        return Text::tr("%1: cannot be read; is %2 a sweep's folder (sweep --out)?").arg(path, dir);
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    const QJsonObject o = doc.object();
    if (error.error != QJsonParseError::NoError || o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat))
        return Text::tr("%1: not a sweep's plan (its format is not %2)").arg(path, QLatin1String(kFormat));
    Plan p;
    p.source = o.value(QStringLiteral("source")).toString();
    for (const QJsonValue &a : o.value(QStringLiteral("vary")).toArray()) {
        Axis axis;
        axis.key = a.toObject().value(QStringLiteral("key")).toString();
        for (const QJsonValue &v : a.toObject().value(QStringLiteral("values")).toArray())
            axis.values << v.toString();
        if (axis.key.isEmpty() || axis.values.isEmpty())
            return Text::tr("%1: \"vary\" holds an entry without a key or values").arg(path);
        p.axes.push_back(axis);
    }
    for (const QJsonValue &s : o.value(QStringLiteral("seeds")).toArray()) {
        const double v = s.toDouble(-1);
        if (v < 0 || v > double(ExperimentSpec::kMaxSeed) || v != std::floor(v))
            return Text::tr("%1: \"seeds\" holds %2, not a seed").arg(path, QString::number(v));
        p.seeds.push_back(std::uint64_t(v));
    }
    p.evalCount = o.value(QStringLiteral("eval_count")).toInt(2000);
    specjson::ParseResult parsed = specjson::fromJson(o.value(QStringLiteral("experiment")).toObject());
    if (!parsed.ok())
        return Text::tr("%1: its experiment: %2").arg(path, parsed.errors.join(QStringLiteral("; ")));
    p.base = parsed.spec;
    if (p.seeds.empty())
        return Text::tr("%1: no seeds").arg(path);
    *plan = p;
    return QString();
}

QString evaluationPath(const QString &runFolder) { return QDir(runFolder).filePath(QStringLiteral("evaluation.json")); }

bool readMetrics(const QString &folder, std::vector<StepRecord> *steps, std::vector<QualityRecord> *quality)
{
    QByteArray bytes;
    if (!readFile(QDir(folder).filePath(QStringLiteral("metrics.csv")), &bytes))
        return false;
    const QList<QByteArray> lines = bytes.split('\n');
    if (lines.isEmpty())
        return true;
    const steprecords::MetricsColumns columns(lines.front());
    for (qsizetype i = 1; i < lines.size(); ++i) {
        const QList<QByteArray> cells = lines[i].trimmed().split(',');
        StepRecord s;
        if (cells.size() != columns.count() || !columns.steps(cells, &s))
            continue;  // a half-written last line, or a line that is not a row
        if (!steps->empty() && s.step <= steps->back().step)
            continue;
        steps->push_back(s);
        QualityRecord q;
        if (quality && columns.quality(cells, &q))
            quality->push_back(q);
    }
    return true;
}

void summarise(const std::vector<StepRecord> &steps, RunFigures *r)
{
    if (steps.empty())
        return;
    r->steps = steps.back().step;
    r->seconds = 0;
    const std::int64_t third = std::max<std::int64_t>(1, r->steps / 3);
    double grad = 0, fake = 0, real = 0, lossD = 0, lossG = 0;
    int early = 0, late = 0;
    for (const StepRecord &s : steps) {
        r->seconds += s.seconds;
        if (s.step <= third) {
            grad += s.gradNormG;
            ++early;
        }
        if (s.step > r->steps - third) {
            fake += s.dFake;
            real += s.dReal;
            lossD += s.lossD;
            lossG += s.lossG;
            ++late;
        }
    }
    if (early > 0)
        r->figures[QStringLiteral("grad_g_first_third")] = grad / early;
    if (late > 0) {
        r->figures[QStringLiteral("d_fake_last_third")] = fake / late;
        r->figures[QStringLiteral("d_real_last_third")] = real / late;
        r->figures[QStringLiteral("loss_d_last_third")] = lossD / late;
        r->figures[QStringLiteral("loss_g_last_third")] = lossG / late;
    }
    r->figures[QStringLiteral("steps")] = double(r->steps);
    r->figures[QStringLiteral("seconds")] = r->seconds;
}

RunFigures readRun(const QString &folder)
{
    RunFigures r;
    r.folder = folder;
    std::vector<StepRecord> steps;
    r.exists = readMetrics(folder, &steps, nullptr);
    summarise(steps, &r);
    QByteArray bytes;
    if (readFile(evaluationPath(folder), &bytes)) {
        QJsonParseError error;
        const QJsonObject o = QJsonDocument::fromJson(bytes, &error).object();
        if (error.error != QJsonParseError::NoError) {
            r.problem = Text::tr("%1: not JSON (%2)").arg(evaluationPath(folder), error.errorString());
            return r;
        }
        r.measured = true;
        r.measuredStep = o.value(QStringLiteral("step")).toInteger();
        // Shares are shown in percent; everything else as evaluate writes it.
        static const std::vector<std::pair<const char *, const char *>> percent = {
            {"high_quality", "high_quality_pct"}, {"own_mode", "own_mode_pct"}, {"class_agreement", "class_agreement_pct"}};
        for (const auto &[from, to] : percent)
            if (o.contains(QLatin1String(from)))
                r.figures[QLatin1String(to)] = 100.0 * o.value(QLatin1String(from)).toDouble();
        for (const char *key : {"modes_captured", "js", "reverse_kl", "fd", "kid", "precision", "recall", "density", "coverage"})
            if (o.value(QLatin1String(key)).isDouble())
                r.figures[QLatin1String(key)] = o.value(QLatin1String(key)).toDouble();
    }
    return r;
}

namespace {
// Every column a table may have, in table order; columns() picks those that fit the data.
enum class Scope { TwoD, Images, Both };
struct ColumnEntry {
    const char *key;
    const char *title;
    int decimals;
    Scope scope;
    bool conditionalOnly;
};
const ColumnEntry kColumns[] = {
    {"modes_captured", QT_TRANSLATE_NOOP("sweep", "Modes"), 1, Scope::TwoD, false},
    {"high_quality_pct", QT_TRANSLATE_NOOP("sweep", "High quality %"), 1, Scope::TwoD, false},
    {"js", QT_TRANSLATE_NOOP("sweep", "JS (bits)"), 3, Scope::TwoD, false},
    {"own_mode_pct", QT_TRANSLATE_NOOP("sweep", "Own mode %"), 1, Scope::TwoD, true},
    {"fd", QT_TRANSLATE_NOOP("sweep", "FD"), 1, Scope::Images, false},
    {"kid", QT_TRANSLATE_NOOP("sweep", "KID"), 4, Scope::Images, false},
    {"precision", QT_TRANSLATE_NOOP("sweep", "Precision"), 3, Scope::Images, false},
    {"recall", QT_TRANSLATE_NOOP("sweep", "Recall"), 3, Scope::Images, false},
    {"coverage", QT_TRANSLATE_NOOP("sweep", "Coverage"), 3, Scope::Images, false},
    {"class_agreement_pct", QT_TRANSLATE_NOOP("sweep", "Class agreement %"), 1, Scope::Images, true},
    {"grad_g_first_third", QT_TRANSLATE_NOOP("sweep", "|grad G|, first third"), 2, Scope::Both, false},
    {"d_fake_last_third", QT_TRANSLATE_NOOP("sweep", "D(G(z)), last third"), 3, Scope::Both, false},
    {"steps", QT_TRANSLATE_NOOP("sweep", "Steps"), 0, Scope::Both, false},
    {"seconds", QT_TRANSLATE_NOOP("sweep", "Time (s)"), 1, Scope::Both, false},
};

Column toColumn(const ColumnEntry &e)
{
    return {QLatin1String(e.key), QCoreApplication::translate("sweep", e.title), e.decimals};
}
}  // namespace

std::vector<Column> columns(const ExperimentSpec &spec)
{
    const Scope data = spec.isTwoDimensional() ? Scope::TwoD : Scope::Images;
    std::vector<Column> c;
    for (const ColumnEntry &e : kColumns)
        if ((e.scope == Scope::Both || e.scope == data) && (!e.conditionalOnly || spec.conditioning.enabled()))
            c.push_back(toColumn(e));
    return c;
}

std::optional<Column> column(const QString &key)
{
    for (const ColumnEntry &e : kColumns)
        if (key == QLatin1String(e.key))
            return toColumn(e);
    return std::nullopt;
}

Table build(const Plan &plan, const QString &dir)
{
    Table t;
    t.keys = rowKeys(plan);
    t.columns = columns(plan.base);
    t.seeds = plan.seeds;
    t.expected = int(plan.seeds.size());
    QStringList errors;
    const std::vector<Combination> all = combinations(plan, &errors);
    for (const Combination &c : all) {
        Row row;
        row.values = rowValues(plan, c);
        row.stats.resize(t.columns.size());
        for (std::uint64_t seed : plan.seeds) {
            const RunFigures run = readRun(runFolder(dir, c, seed));
            const bool finished = run.measured && run.measuredStep == plan.base.steps && run.steps == plan.base.steps;
            row.finished += finished ? 1 : 0;
            for (size_t k = 0; k < t.columns.size(); ++k) {
                const auto it = run.figures.find(t.columns[k].key);
                row.stats[k].values.push_back(finished && it != run.figures.end() ? it->second
                                                                                  : std::numeric_limits<double>::quiet_NaN());
            }
        }
        for (Stat &s : row.stats) {
            double sum = 0;
            for (double v : s.values)
                if (std::isfinite(v)) {
                    sum += v;
                    ++s.n;
                }
            s.mean = s.n > 0 ? sum / s.n : std::numeric_limits<double>::quiet_NaN();
            double squares = 0;
            for (double v : s.values)
                if (std::isfinite(v))
                    squares += (v - s.mean) * (v - s.mean);
            s.sd = s.n > 1 ? std::sqrt(squares / (s.n - 1)) : 0;
        }
        t.rows.push_back(row);
    }
    return t;
}

QByteArray csv(const Table &table)
{
    QByteArray out;
    QStringList header = table.keys;
    header << QStringLiteral("runs");
    for (const Column &c : table.columns)
        header << c.key + QStringLiteral("_mean") << c.key + QStringLiteral("_sd");
    out += header.join(QLatin1Char(',')).toUtf8() + '\n';
    for (const Row &r : table.rows) {
        QStringList cells = r.values;
        cells << QString::number(r.finished);
        for (const Stat &s : r.stats)
            cells << (s.n > 0 ? QString::number(s.mean, 'g', 8) : QString()) << (s.n > 0 ? QString::number(s.sd, 'g', 8) : QString());
        out += cells.join(QLatin1Char(',')).toUtf8() + '\n';
    }
    return out;
}

QByteArray runsCsv(const Plan &plan, const QString &dir)
{
    QStringList header = rowKeys(plan);
    header << QStringLiteral("seed") << QStringLiteral("folder") << QStringLiteral("finished");
    const std::vector<Column> cols = columns(plan.base);
    for (const Column &c : cols)
        header << c.key;
    QByteArray out = header.join(QLatin1Char(',')).toUtf8() + '\n';
    QStringList errors;
    for (const Combination &c : combinations(plan, &errors))
        for (std::uint64_t seed : plan.seeds) {
            const QString folder = runFolder(dir, c, seed);
            const RunFigures run = readRun(folder);
            QStringList cells = rowValues(plan, c);
            cells << QString::number(seed) << QDir(dir).relativeFilePath(folder)
                  << QString::number(run.measured && run.measuredStep == plan.base.steps ? 1 : 0);
            for (const Column &col : cols) {
                const auto it = run.figures.find(col.key);
                cells << (it != run.figures.end() ? QString::number(it->second, 'g', 8) : QString());
            }
            out += cells.join(QLatin1Char(',')).toUtf8() + '\n';
        }
    return out;
}

QString markdown(const Table &table)
{
    QStringList head = table.keys;
    head << Text::tr("Runs");
    for (const Column &c : table.columns)
        head << c.title;
    QString out = QStringLiteral("| ") + head.join(QStringLiteral(" | ")) + QStringLiteral(" |\n|");
    for (qsizetype i = 0; i < head.size(); ++i)
        out += i < table.keys.size() ? QStringLiteral(" --- |") : QStringLiteral(" ---: |");
    out += QLatin1Char('\n');
    for (const Row &r : table.rows) {
        QStringList cells = r.values;
        cells << QStringLiteral("%1/%2").arg(r.finished).arg(table.expected);
        for (size_t k = 0; k < r.stats.size(); ++k) {
            const Stat &s = r.stats[k];
            const int d = table.columns[k].decimals;
            if (s.n == 0) {
                cells << QStringLiteral("-");
                continue;
            }
            QString cell = s.n > 1 ? QStringLiteral("%1 ± %2").arg(formatNumber(s.mean, d), formatNumber(s.sd, d)) : formatNumber(s.mean, d);
            const bool same = std::all_of(s.values.begin(), s.values.end(), [&](double v) { return v == s.values.front(); });
            if (same) {
                cells << formatNumber(s.mean, d);
                continue;
            }
            if (s.values.size() > 1) {
                QStringList each;
                for (double v : s.values)
                    each << formatNumber(v, d);
                cell += QStringLiteral(" (%1)").arg(each.join(QStringLiteral(", ")));
            }
            cells << cell;
        }
        out += QStringLiteral("| ") + cells.join(QStringLiteral(" | ")) + QStringLiteral(" |\n");
    }
    return out;
}

QString writeTable(const Plan &plan, const QString &dir, const Table &table)
{
    QStringList seeds;
    for (std::uint64_t s : plan.seeds)
        seeds << QString::number(s);
    const QString heading = Text::tr("# Sweep of %1\n\n%2 steps a run; seeds %3 (each cell: mean ± standard deviation over the "
                                     "seeds, then each seed's value in order; \"-\": not finished)\n\n")
                                .arg(plan.source)
                                .arg(plan.base.steps)
                                .arg(seeds.join(QStringLiteral(", ")));
    if (QString e = atomicfile::write(QDir(dir).filePath(QStringLiteral("results.csv")), csv(table), Text::tr("results table")); !e.isEmpty())
        return e;
    if (QString e = atomicfile::write(QDir(dir).filePath(QStringLiteral("runs.csv")), runsCsv(plan, dir), Text::tr("results table"));
        !e.isEmpty())
        return e;
    return atomicfile::write(QDir(dir).filePath(QStringLiteral("results.md")), (heading + markdown(table)).toUtf8(),
                             Text::tr("results table"));
}

}  // namespace sweep
