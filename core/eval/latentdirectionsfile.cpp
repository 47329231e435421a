#include "latentdirections.h"

#include "io/atomicfile.h"
#include "io/inputfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <cmath>

// The directions' names and their file format, apart from the torch code that finds them, so
// that the fuzz build (tests/fuzz) reaches the file parser without the engine.
namespace {
struct Text {
    Q_DECLARE_TR_FUNCTIONS(LatentDirections)
};

constexpr const char *kFormat = "gan-playground-directions";
constexpr int kVersion = 1;
}  // namespace

namespace latentdirections {

QString methodKey(Method method)
{
    switch (method) {
    case Method::Sefa: return QStringLiteral("sefa");
    case Method::Pca: return QStringLiteral("pca");
    case Method::Random: return QStringLiteral("random");
    case Method::Class: return QStringLiteral("class");
    }
    return {};
}

std::optional<Method> methodFromKey(const QString &key)
{
    for (Method m : {Method::Sefa, Method::Pca, Method::Random, Method::Class})
        if (methodKey(m) == key)
            return m;
    return std::nullopt;
}

double priorSpread(LatentPrior prior) { return prior == LatentPrior::Uniform ? 1.0 / std::sqrt(3.0) : 1.0; }

QString label(const Result &result, int index)
{
    if (index < 0 || size_t(index) >= result.directions.size())
        return {};
    const Direction &d = result.directions[size_t(index)];
    switch (result.method) {
    case Method::Sefa: return Text::tr("direction %1 (eigenvalue %2)").arg(index + 1).arg(d.value, 0, 'g', 3);
    case Method::Pca:
        return result.totalVariance > 0
                   ? Text::tr("component %1 (%2% of the variance)").arg(index + 1).arg(100.0 * d.value / result.totalVariance, 0, 'f', 1)
                   : Text::tr("component %1").arg(index + 1);
    case Method::Random: return Text::tr("random %1").arg(index + 1);
    case Method::Class: return Text::tr("more like %1 (boundary %2% right)").arg(d.className).arg(100.0 * d.value, 0, 'f', 0);
    }
    return {};
}

QByteArray toJson(const Result &result)
{
    QJsonArray directions;
    for (size_t i = 0; i < result.directions.size(); ++i) {
        const Direction &d = result.directions[i];
        QJsonArray values;
        for (float v : d.vector)
            values.append(double(v));
        QJsonObject o{{QStringLiteral("index"), int(i) + 1},
                      {QStringLiteral("value"), d.value},
                      {QStringLiteral("effect"), d.effect},
                      {QStringLiteral("vector"), values}};
        if (d.classIndex >= 0) {
            o[QStringLiteral("class")] = d.classIndex;
            o[QStringLiteral("class_name")] = d.className;
            o[QStringLiteral("class_samples")] = d.classCount;
        }
        directions.append(o);
    }
    QJsonObject o{{QStringLiteral("format"), QString::fromLatin1(kFormat)},
                  {QStringLiteral("version"), kVersion},
                  {QStringLiteral("method"), methodKey(result.method)},
                  {QStringLiteral("layer"), result.layer},
                  {QStringLiteral("latent_size"), result.latentDim},
                  {QStringLiteral("spread"), result.spread},
                  {QStringLiteral("step"), double(result.step)},
                  {QStringLiteral("samples"), result.samples},
                  {QStringLiteral("total_variance"), result.totalVariance},
                  {QStringLiteral("notes"), QJsonArray::fromStringList(result.notes)},
                  {QStringLiteral("directions"), directions}};
    return QJsonDocument(o).toJson(QJsonDocument::Indented);
}

Result fromJson(const QByteArray &bytes, const QString &path)
{
    Result r;
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &parseError);
    const QJsonObject o = doc.object();
    if (doc.isNull() || o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        r.error = Text::tr("%1: not a directions file of GAN Playground (%2)")
                      .arg(path, doc.isNull() ? parseError.errorString() : Text::tr("no \"format\": \"%1\"").arg(QLatin1String(kFormat)));
        return r;
    }
    if (o.value(QStringLiteral("version")).toInt() != kVersion) {
        r.error = Text::tr("%1: directions file version %2; this program reads version %3")
                      .arg(path).arg(o.value(QStringLiteral("version")).toInt()).arg(kVersion);
        return r;
    }
    const std::optional<Method> method = methodFromKey(o.value(QStringLiteral("method")).toString());
    r.latentDim = o.value(QStringLiteral("latent_size")).toInt();
    if (!method || r.latentDim < 1) {
        r.error = Text::tr("%1: needs a method (sefa, pca, random or class) and a latent_size").arg(path);
        return r;
    }
    r.method = *method;
    r.layer = o.value(QStringLiteral("layer")).toString();
    r.spread = o.value(QStringLiteral("spread")).toDouble(1.0);
    r.step = std::int64_t(o.value(QStringLiteral("step")).toDouble());
    r.samples = o.value(QStringLiteral("samples")).toInt();
    r.totalVariance = o.value(QStringLiteral("total_variance")).toDouble();
    for (const QJsonValue &n : o.value(QStringLiteral("notes")).toArray())
        r.notes << n.toString();
    const QJsonArray list = o.value(QStringLiteral("directions")).toArray();
    for (qsizetype i = 0; i < list.size(); ++i) {
        const QJsonObject e = list[i].toObject();
        Direction d;
        d.value = e.value(QStringLiteral("value")).toDouble();
        d.effect = e.value(QStringLiteral("effect")).toDouble();
        d.classIndex = e.value(QStringLiteral("class")).toInt(-1);
        d.className = e.value(QStringLiteral("class_name")).toString();
        d.classCount = e.value(QStringLiteral("class_samples")).toInt();
        double norm = 0;
        for (const QJsonValue &v : e.value(QStringLiteral("vector")).toArray()) {
            d.vector.push_back(float(v.toDouble(std::nan(""))));
            norm += double(d.vector.back()) * d.vector.back();
        }
        if (int(d.vector.size()) != r.latentDim || !std::isfinite(norm) || norm <= 0) {
            r.error = Text::tr("%1: direction %2 needs %3 finite numbers, not all zero").arg(path).arg(i + 1).arg(r.latentDim);
            r.directions.clear();
            return r;
        }
        for (float &v : d.vector)
            v = float(v / std::sqrt(norm));
        r.directions.push_back(std::move(d));
    }
    if (r.directions.empty())
        r.error = Text::tr("%1: holds no directions").arg(path);
    return r;
}

QString write(const QString &path, const Result &result) { return atomicfile::write(path, toJson(result), Text::tr("directions")); }

Result read(const QString &path)
{
    Result r;
    if (const QString e = inputfile::check(path, Text::tr("a directions file (.json)"), 64 << 20); !e.isEmpty()) {
        r.error = e;
        return r;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        r.error = Text::tr("%1: cannot read (%2)").arg(path, file.errorString());
        return r;
    }
    return fromJson(file.readAll(), path);
}

}  // namespace latentdirections
