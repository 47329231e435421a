#include "specjson.h"

#include "layerkinds.h"

#include "io/atomicfile.h"
#include "io/inputfile.h"

#include <QCoreApplication>
#include <QFile>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonParseError>

#include <algorithm>
#include <cmath>
#include <limits>

namespace {
// Messages a user reads: translated (context "ExperimentFile").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(ExperimentFile)
};
}  // namespace

namespace specjson {
namespace {

QJsonArray intArray(const std::vector<int> &values)
{
    QJsonArray a;
    for (int v : values)
        a.append(v);
    return a;
}

QJsonObject optimizerToJson(const OptimizerSpec &o)
{
    QJsonObject j;
    j["kind"] = specnames::optimizer(o.kind);
    j["lr"] = o.lr;
    if (o.kind == OptimizerKind::Adam) {
        j["beta1"] = o.beta1;
        j["beta2"] = o.beta2;
    } else {
        j["momentum"] = o.momentum;
    }
    if (o.kind == OptimizerKind::RMSprop)
        j["alpha"] = o.alpha;
    j["weight_decay"] = o.weightDecay;
    return j;
}

QJsonObject dataToJson(const DataSpec &d)
{
    QJsonObject j;
    j["kind"] = specnames::data(d.kind);
    switch (d.kind) {
    case DataKind::FashionMnist:
        break;
    case DataKind::Idx:
        j["path"] = d.path;
        j["labels"] = d.labelsPath;
        break;
    case DataKind::ImageFolder:
        j["path"] = d.path;
        j["image_size"] = d.imageSize;
        j["grayscale"] = d.grayscale;
        break;
    case DataKind::Synthetic2D:
        j["set"] = specnames::synthetic(d.synthetic);
        j["count"] = d.syntheticCount;
        break;
    case DataKind::Csv2D:
        j["path"] = d.path;
        break;
    case DataKind::Drawn2D: {
        QJsonArray points;
        for (float v : d.points)
            points.append(double(v));
        j["points"] = points;
        break;
    }
    }
    j["limit"] = d.limit;
    return j;
}

QJsonObject lossToJson(const LossSpec &l)
{
    QJsonObject j;
    j["kind"] = specnames::loss(l.kind);
    if (l.kind == LossKind::WassersteinGP)
        j["gp_lambda"] = l.gpLambda;
    if (l.kind == LossKind::Wasserstein)
        j["clip"] = l.clip;
    j["r1_gamma"] = l.r1Gamma;
    j["label_smoothing"] = l.labelSmoothing;
    j["instance_noise"] = l.instanceNoise;
    j["instance_noise_steps"] = l.instanceNoiseSteps;
    return j;
}

QJsonObject networkToJson(const NetworkSpec &n)
{
    QJsonArray layers;
    for (const LayerSpec &l : n.layers)
        layers.append(layerToJson(l));
    QJsonObject j;
    j["layers"] = layers;
    return j;
}

// Reads fields of one object, recording every problem under its path.
class Reader {
public:
    Reader(QStringList &errors, bool allowUnknownKeys)
        : m_errors(errors), m_allowUnknown(allowUnknownKeys) {}

    void error(const QString &path, const QString &what) { m_errors << path + QStringLiteral(": ") + what; }

    void checkKeys(const QJsonObject &o, const QString &path, const QStringList &known)
    {
        if (m_allowUnknown)
            return;
        for (auto it = o.begin(); it != o.end(); ++it)
            if (!known.contains(it.key()))
                error(join(path, it.key()),
                      Text::tr("unknown field (known here: %1)").arg(known.join(QStringLiteral(", "))));
    }

    QJsonObject object(const QJsonObject &o, const QString &key, const QString &path, bool required)
    {
        if (!o.contains(key)) {
            if (required)
                error(join(path, key), Text::tr("missing object"));
            return {};
        }
        if (!o.value(key).isObject()) {
            error(join(path, key), Text::tr("expected an object"));
            return {};
        }
        return o.value(key).toObject();
    }

    int integer(const QJsonObject &o, const QString &key, const QString &path, int fallback,
                int min, int max = std::numeric_limits<int>::max())
    {
        if (!o.contains(key))
            return fallback;
        const QJsonValue v = o.value(key);
        const double d = v.toDouble(std::nan(""));
        if (!v.isDouble() || std::floor(d) != d || d < min || d > max) {
            error(join(path, key), Text::tr("expected a whole number from %1 to %2").arg(min).arg(max));
            return fallback;
        }
        return int(d);
    }

    double number(const QJsonObject &o, const QString &key, const QString &path, double fallback,
                  double min, double max)
    {
        if (!o.contains(key))
            return fallback;
        const QJsonValue v = o.value(key);
        if (!v.isDouble() || !(v.toDouble() >= min && v.toDouble() <= max)) {
            error(join(path, key), Text::tr("expected a number from %1 to %2")
                                      .arg(QString::number(min, 'g', 16), QString::number(max, 'g', 16)));
            return fallback;
        }
        return v.toDouble();
    }

    // A field of the table in fields.h: its key, range and default.
    int integer(const QJsonObject &o, const NumberField &f, const QString &path)
    {
        return integer(o, QString::fromLatin1(f.key), path, f.defaultInt(), int(f.min), int(f.max));
    }

    double number(const QJsonObject &o, const NumberField &f, const QString &path)
    {
        return number(o, QString::fromLatin1(f.key), path, f.fallback, f.min, f.max);
    }

    bool boolean(const QJsonObject &o, const QString &key, const QString &path, bool fallback)
    {
        if (!o.contains(key))
            return fallback;
        if (!o.value(key).isBool()) {
            error(join(path, key), Text::tr("expected true or false"));
            return fallback;
        }
        return o.value(key).toBool();
    }

    QString string(const QJsonObject &o, const QString &key, const QString &path, const QString &fallback)
    {
        if (!o.contains(key))
            return fallback;
        if (!o.value(key).isString()) {
            error(join(path, key), Text::tr("expected a string"));
            return fallback;
        }
        return o.value(key).toString();
    }

    template <typename E, typename FromName>
    E enumeration(const QJsonObject &o, const QString &key, const QString &path, E fallback,
                  FromName fromName, const QStringList &names)
    {
        if (!o.contains(key))
            return fallback;
        const auto parsed = fromName(o.value(key).toString());
        if (!o.value(key).isString() || !parsed) {
            error(join(path, key), Text::tr("expected one of %1").arg(names.join(QStringLiteral(", "))));
            return fallback;
        }
        return *parsed;
    }

    std::vector<int> intList(const QJsonObject &o, const QString &key, const QString &path)
    {
        std::vector<int> out;
        if (!o.contains(key))
            return out;
        const QJsonValue v = o.value(key);
        bool good = v.isArray() && !v.toArray().isEmpty();
        if (good) {
            for (const QJsonValue &e : v.toArray()) {
                const double d = e.toDouble(-1);
                if (!e.isDouble() || std::floor(d) != d || d < 1 || d > 1e9) {
                    good = false;
                    break;
                }
                out.push_back(int(d));
            }
        }
        if (!good) {
            error(join(path, key), Text::tr("expected a non-empty list of positive whole numbers"));
            out.clear();
        }
        return out;
    }

    // x0, y0, x1, y1, ...: an even count of finite numbers, at most maxPoints points.
    std::vector<float> pointList(const QJsonObject &o, const QString &key, const QString &path, int maxPoints)
    {
        std::vector<float> out;
        if (!o.contains(key))
            return out;
        const QJsonValue v = o.value(key);
        bool good = v.isArray() && v.toArray().size() % 2 == 0 && v.toArray().size() <= 2 * qsizetype(maxPoints);
        if (good) {
            for (const QJsonValue &e : v.toArray()) {
                const double d = e.toDouble(std::nan(""));
                if (!e.isDouble() || !std::isfinite(d) || std::abs(d) > 1e6) {
                    good = false;
                    break;
                }
                out.push_back(float(d));
            }
        }
        if (!good) {
            error(join(path, key), Text::tr("expected a list of x, y coordinates (an even count of numbers within "
                                                   "±1e6, at most %1 points)").arg(maxPoints));
            out.clear();
        }
        return out;
    }

    // Named latent directions: objects of a name, a method and latentDim finite numbers.
    std::vector<LatentDirectionSpec> directions(const QJsonObject &o, const QString &key, const QString &path, int latentDim)
    {
        std::vector<LatentDirectionSpec> out;
        if (!o.contains(key))
            return out;
        const QJsonValue v = o.value(key);
        if (!v.isArray() || v.toArray().size() > LatentDirectionSpec::kMaxCount) {
            error(join(path, key), Text::tr("expected a list of at most %1 directions").arg(LatentDirectionSpec::kMaxCount));
            return out;
        }
        const QJsonArray list = v.toArray();
        for (qsizetype i = 0; i < list.size(); ++i) {
            const QString at = QStringLiteral("%1[%2]").arg(join(path, key)).arg(i);
            const QJsonObject d = list[i].toObject();
            checkKeys(d, at, {QStringLiteral("name"), QStringLiteral("method"), QStringLiteral("vector")});
            LatentDirectionSpec direction;
            direction.name = string(d, QStringLiteral("name"), at, QString());
            direction.method = string(d, QStringLiteral("method"), at, QString());
            const QJsonArray values = d.value(QStringLiteral("vector")).toArray();
            bool good = list[i].isObject() && values.size() == latentDim;
            for (const QJsonValue &e : values) {
                const double x = e.toDouble(std::nan(""));
                good = good && e.isDouble() && std::isfinite(x);
                direction.vector.push_back(float(x));
            }
            if (!good) {
                error(join(at, QStringLiteral("vector")), Text::tr("expected %1 finite numbers, one per latent dimension").arg(latentDim));
                continue;
            }
            out.push_back(std::move(direction));
        }
        return out;
    }

    static QString join(const QString &path, const QString &key)
    {
        return path.isEmpty() ? key : path + QLatin1Char('.') + key;
    }

private:
    QStringList &m_errors;
    bool m_allowUnknown;
};

LayerSpec layerFromJson(Reader &r, const QJsonObject &o, const QString &path)
{
    LayerSpec l;
    QStringList known = {QStringLiteral("id"), QStringLiteral("kind")};
    l.id = r.string(o, QStringLiteral("id"), path, QString());
    if (l.id.contains(QLatin1Char('.')))
        r.error(Reader::join(path, QStringLiteral("id")), Text::tr("must not contain a dot"));
    else if (l.id.contains(QLatin1Char('/')))
        r.error(Reader::join(path, QStringLiteral("id")), Text::tr("must not contain a slash"));
    else if (std::any_of(l.id.cbegin(), l.id.cend(), [](QChar c) { return c.category() == QChar::Other_Control || c.category() == QChar::Other_Format; }))
        r.error(Reader::join(path, QStringLiteral("id")), Text::tr("must not contain control characters"));
    const auto kind = layerkind::fromName(o.value(QStringLiteral("kind")).toString());
    if (!kind) {
        r.error(Reader::join(path, QStringLiteral("kind")),
                Text::tr("expected one of %1").arg(layerkind::allNames().join(QStringLiteral(", "))));
        return l;
    }
    l.kind = *kind;
    QStringList missing;
    for (const LayerParam &p : layerkind::info(l.kind).params) {
        const QString key = QString::fromLatin1(p.key);
        known << key;
        switch (p.type) {
        case LayerParam::Type::Int:
            l.*p.intValue = r.integer(o, *p.number, path);
            break;
        case LayerParam::Type::Double:
            l.*p.doubleValue = r.number(o, *p.number, path);
            break;
        case LayerParam::Type::IntList:
            l.*p.listValue = r.intList(o, key, path);
            break;
        case LayerParam::Type::Bool:
            l.*p.boolValue = r.boolean(o, key, path, p.fallback);
            break;
        case LayerParam::Type::UpsampleMode:
            l.mode = r.enumeration(o, key, path, UpsampleMode::Nearest, specnames::upsampleModeFromName,
                                   {QStringLiteral("nearest"), QStringLiteral("bilinear")});
            break;
        }
        if (p.required && !o.contains(key))
            missing << QStringLiteral("\"%1\"").arg(key);
    }
    if (!missing.isEmpty())
        r.error(path, Text::tr("%1 needs %2").arg(layerkind::name(l.kind), missing.join(QStringLiteral(", "))));
    r.checkKeys(o, path, known);
    return l;
}

NetworkSpec networkFromJson(Reader &r, const QJsonObject &o, const QString &path)
{
    NetworkSpec n;
    r.checkKeys(o, path, {QStringLiteral("layers")});
    const QJsonValue layers = o.value(QStringLiteral("layers"));
    if (!layers.isArray()) {
        r.error(Reader::join(path, QStringLiteral("layers")), Text::tr("expected a list of layers"));
        return n;
    }
    const QJsonArray a = layers.toArray();
    if (a.size() > NetworkSpec::kMaxLayers) {
        r.error(Reader::join(path, QStringLiteral("layers")),
                Text::tr("has %1 layers; a network may have at most %2").arg(a.size()).arg(NetworkSpec::kMaxLayers));
        return n;
    }
    for (qsizetype i = 0; i < a.size(); ++i) {
        const QString lpath = QStringLiteral("%1.layers[%2]").arg(path).arg(i);
        if (!a.at(i).isObject()) {
            r.error(lpath, Text::tr("expected an object"));
            continue;
        }
        n.layers.push_back(layerFromJson(r, a.at(i).toObject(), lpath));
    }
    QHash<QString, size_t> firstUse;
    for (size_t i = 0; i < n.layers.size(); ++i) {
        if (n.layers[i].id.isEmpty())
            continue;
        if (const auto first = firstUse.constFind(n.layers[i].id); first != firstUse.constEnd())
            r.error(QStringLiteral("%1.layers[%2].id").arg(path).arg(i),
                    Text::tr("\"%1\" is already used by layer %2").arg(n.layers[i].id).arg(*first));
        else
            firstUse.insert(n.layers[i].id, i);
    }
    return n;
}

OptimizerSpec optimizerFromJson(Reader &r, const QJsonObject &o, const QString &path)
{
    OptimizerSpec s;
    r.checkKeys(o, path, {QStringLiteral("kind"), QStringLiteral("lr"), QStringLiteral("beta1"),
                          QStringLiteral("beta2"), QStringLiteral("momentum"),
                          QStringLiteral("alpha"), QStringLiteral("weight_decay")});
    s.kind = r.enumeration(o, QStringLiteral("kind"), path, s.kind, specnames::optimizerFromName,
                           specnames::optimizerNames());
    s.lr = r.number(o, fields::lr, path);
    s.beta1 = r.number(o, fields::beta1, path);
    s.beta2 = r.number(o, fields::beta2, path);
    s.momentum = r.number(o, fields::momentum, path);
    s.alpha = r.number(o, fields::rmsAlpha, path);
    s.weightDecay = r.number(o, fields::weightDecay, path);
    return s;
}

}  // namespace

QJsonObject layerToJson(const LayerSpec &l)
{
    QJsonObject j;
    j["id"] = l.id;
    j["kind"] = layerkind::name(l.kind);
    for (const LayerParam &p : layerkind::info(l.kind).params) {
        const QString key = QString::fromLatin1(p.key);
        switch (p.type) {
        case LayerParam::Type::Int:
            j[key] = l.*p.intValue;
            break;
        case LayerParam::Type::Double:
            j[key] = l.*p.doubleValue;
            break;
        case LayerParam::Type::IntList:
            j[key] = intArray(l.*p.listValue);
            break;
        case LayerParam::Type::Bool:
            j[key] = l.*p.boolValue;
            break;
        case LayerParam::Type::UpsampleMode:
            j[key] = specnames::upsampleMode(l.mode);
            break;
        }
    }
    return j;
}

QJsonObject toJson(const ExperimentSpec &s)
{
    QJsonObject j;
    j["format"] = QString::fromLatin1(kFormat);
    j["version"] = QStringLiteral("%1.%2").arg(kMajorVersion).arg(kMinorVersion);
    j["name"] = s.name;
    j["description"] = s.description;
    QJsonObject latent;
    latent["size"] = s.latentDim;
    latent["prior"] = specnames::prior(s.prior);
    if (!s.directions.empty()) {
        QJsonArray directions;
        for (const LatentDirectionSpec &d : s.directions) {
            QJsonArray values;
            for (float v : d.vector)
                values.append(double(v));
            directions.append(QJsonObject{{QStringLiteral("name"), d.name}, {QStringLiteral("method"), d.method},
                                          {QStringLiteral("vector"), values}});
        }
        latent["directions"] = directions;
    }
    j["latent"] = latent;
    j["generator"] = networkToJson(s.generator);
    j["discriminator"] = networkToJson(s.discriminator);
    j["data"] = dataToJson(s.data);
    if (s.conditioning.enabled()) {  // absent: unconditional, as every file before 1.3
        QJsonObject c;
        c["kind"] = specnames::conditioning(s.conditioning.kind);
        c["classes"] = s.conditioning.classes;
        c["embedding"] = s.conditioning.embedding;
        if (s.conditioning.kind == ConditioningKind::Auxiliary)
            c["aux_weight"] = s.conditioning.auxWeight;
        j["conditioning"] = c;
    }
    j["loss"] = lossToJson(s.loss);
    QJsonObject optimizers;
    optimizers["generator"] = optimizerToJson(s.optimizerG);
    optimizers["discriminator"] = optimizerToJson(s.optimizerD);
    j["optimizers"] = optimizers;
    QJsonObject training;
    training["batch_size"] = s.batchSize;
    training["d_steps_per_g"] = s.dStepsPerG;
    training["seed"] = double(s.seed);
    training["threads"] = s.threads;
    training["steps"] = s.steps;
    training["dcgan_init"] = s.dcganInit;
    training["ema_decay"] = s.emaDecay;
    training["lr_decay_to"] = s.lrDecayTo;
    training["sample_every"] = s.sampleEvery;
    training["device"] = s.device;
    training["precision"] = s.precision == Precision::Bf16 ? QStringLiteral("bf16") : QStringLiteral("fp32");
    j["training"] = training;
    return j;
}

QByteArray toBytes(const ExperimentSpec &spec)
{
    return QJsonDocument(toJson(spec)).toJson(QJsonDocument::Indented);
}

ParseResult fromJson(const QJsonObject &o)
{
    ParseResult result;
    QStringList &errors = result.errors;
    ExperimentSpec &s = result.spec;

    if (o.value(QStringLiteral("format")).toString() != QLatin1String(kFormat)) {
        errors << Text::tr("format: expected \"%1\"; this is not a GAN Playground experiment").arg(QLatin1String(kFormat));
        return result;
    }
    const QStringList version = o.value(QStringLiteral("version")).toString().split(QLatin1Char('.'));
    bool majorOk = false, minorOk = false;
    const int major = version.value(0).toInt(&majorOk);
    const int minor = version.value(1).toInt(&minorOk);
    if (version.size() != 2 || !majorOk || !minorOk) {
        errors << Text::tr("version: expected \"MAJOR.MINOR\", e.g. \"%1.%2\"").arg(kMajorVersion).arg(kMinorVersion);
        return result;
    }
    if (major != kMajorVersion) {
        errors << Text::tr("version: this file is format version %1.%2, but this program reads only major version %3; "
                                 "open it with a matching GAN Playground")
                      .arg(major).arg(minor).arg(kMajorVersion);
        return result;
    }
    // A file from a newer minor version may carry fields we do not know yet: ignore those.
    Reader r(errors, minor > kMinorVersion);
    r.checkKeys(o, QString(), {QStringLiteral("format"), QStringLiteral("version"), QStringLiteral("name"),
                               QStringLiteral("description"), QStringLiteral("latent"), QStringLiteral("generator"),
                               QStringLiteral("discriminator"), QStringLiteral("data"), QStringLiteral("conditioning"),
                               QStringLiteral("loss"), QStringLiteral("optimizers"), QStringLiteral("training")});
    s.name = r.string(o, QStringLiteral("name"), QString(), QString());
    s.description = r.string(o, QStringLiteral("description"), QString(), QString());

    const QJsonObject latent = r.object(o, QStringLiteral("latent"), QString(), true);
    r.checkKeys(latent, QStringLiteral("latent"), {QStringLiteral("size"), QStringLiteral("prior"), QStringLiteral("directions")});
    s.latentDim = r.integer(latent, fields::latentSize, QStringLiteral("latent"));
    s.prior = r.enumeration(latent, QStringLiteral("prior"), QStringLiteral("latent"), s.prior,
                            specnames::priorFromName, specnames::priorNames());
    s.directions = r.directions(latent, QStringLiteral("directions"), QStringLiteral("latent"), s.latentDim);

    s.generator = networkFromJson(r, r.object(o, QStringLiteral("generator"), QString(), true), QStringLiteral("generator"));
    s.discriminator = networkFromJson(r, r.object(o, QStringLiteral("discriminator"), QString(), true), QStringLiteral("discriminator"));

    const QJsonObject data = r.object(o, QStringLiteral("data"), QString(), false);
    const QString dp = QStringLiteral("data");
    r.checkKeys(data, dp, {QStringLiteral("kind"), QStringLiteral("path"), QStringLiteral("labels"),
                           QStringLiteral("image_size"), QStringLiteral("grayscale"), QStringLiteral("set"),
                           QStringLiteral("count"), QStringLiteral("limit"), QStringLiteral("points")});
    s.data.kind = r.enumeration(data, QStringLiteral("kind"), dp, s.data.kind, specnames::dataFromName, specnames::dataNames());
    s.data.path = r.string(data, QStringLiteral("path"), dp, QString());
    s.data.labelsPath = r.string(data, QStringLiteral("labels"), dp, QString());
    s.data.imageSize = r.integer(data, fields::imageSize, dp);
    s.data.grayscale = r.boolean(data, QStringLiteral("grayscale"), dp, s.data.grayscale);
    s.data.synthetic = r.enumeration(data, QStringLiteral("set"), dp, s.data.synthetic,
                                     specnames::syntheticFromName, specnames::syntheticNames());
    s.data.syntheticCount = r.integer(data, fields::pointCount, dp);
    s.data.limit = r.integer(data, fields::limit, dp);
    s.data.points = r.pointList(data, QStringLiteral("points"), dp, DataSpec::kMaxDrawnPoints);
    if ((s.data.kind == DataKind::Idx || s.data.kind == DataKind::ImageFolder || s.data.kind == DataKind::Csv2D)
        && s.data.path.isEmpty())
        r.error(QStringLiteral("data.path"), Text::tr("%1 data needs a path").arg(specnames::data(s.data.kind)));

    const QJsonObject conditioning = r.object(o, QStringLiteral("conditioning"), QString(), false);
    const QString cp = QStringLiteral("conditioning");
    r.checkKeys(conditioning, cp, {QStringLiteral("kind"), QStringLiteral("classes"), QStringLiteral("embedding"),
                                   QStringLiteral("aux_weight")});
    s.conditioning.kind = r.enumeration(conditioning, QStringLiteral("kind"), cp, s.conditioning.kind,
                                        specnames::conditioningFromName, specnames::conditioningNames());
    s.conditioning.classes = r.integer(conditioning, fields::classes, cp);
    s.conditioning.embedding = r.integer(conditioning, fields::labelEmbedding, cp);
    s.conditioning.auxWeight = r.number(conditioning, fields::auxWeight, cp);

    const QJsonObject loss = r.object(o, QStringLiteral("loss"), QString(), false);
    const QString lp = QStringLiteral("loss");
    r.checkKeys(loss, lp, {QStringLiteral("kind"), QStringLiteral("gp_lambda"), QStringLiteral("clip"),
                           QStringLiteral("r1_gamma"), QStringLiteral("label_smoothing"),
                           QStringLiteral("instance_noise"), QStringLiteral("instance_noise_steps")});
    s.loss.kind = r.enumeration(loss, QStringLiteral("kind"), lp, s.loss.kind, specnames::lossFromName, specnames::lossNames());
    s.loss.gpLambda = r.number(loss, fields::gpLambda, lp);
    s.loss.clip = r.number(loss, fields::clip, lp);
    s.loss.r1Gamma = r.number(loss, fields::r1Gamma, lp);
    s.loss.labelSmoothing = r.number(loss, fields::labelSmoothing, lp);
    s.loss.instanceNoise = r.number(loss, fields::instanceNoise, lp);
    s.loss.instanceNoiseSteps = r.integer(loss, fields::instanceNoiseSteps, lp);

    const QJsonObject optimizers = r.object(o, QStringLiteral("optimizers"), QString(), false);
    r.checkKeys(optimizers, QStringLiteral("optimizers"), {QStringLiteral("generator"), QStringLiteral("discriminator")});
    s.optimizerG = optimizerFromJson(r, r.object(optimizers, QStringLiteral("generator"), QStringLiteral("optimizers"), false),
                                     QStringLiteral("optimizers.generator"));
    s.optimizerD = optimizerFromJson(r, r.object(optimizers, QStringLiteral("discriminator"), QStringLiteral("optimizers"), false),
                                     QStringLiteral("optimizers.discriminator"));

    const QJsonObject t = r.object(o, QStringLiteral("training"), QString(), false);
    const QString tp = QStringLiteral("training");
    r.checkKeys(t, tp, {QStringLiteral("batch_size"), QStringLiteral("d_steps_per_g"), QStringLiteral("seed"),
                        QStringLiteral("threads"), QStringLiteral("steps"), QStringLiteral("dcgan_init"),
                        QStringLiteral("ema_decay"), QStringLiteral("lr_decay_to"), QStringLiteral("sample_every"),
                        QStringLiteral("device"), QStringLiteral("precision")});
    s.batchSize = r.integer(t, fields::batchSize, tp);
    s.dStepsPerG = r.integer(t, fields::dStepsPerG, tp);
    const double seed = r.number(t, fields::seed, tp);
    if (std::floor(seed) != seed)
        r.error(QStringLiteral("training.seed"), Text::tr("expected a whole number"));
    s.seed = std::uint64_t(seed);
    s.threads = r.integer(t, fields::threads, tp);
    s.steps = r.integer(t, fields::steps, tp);
    s.dcganInit = r.boolean(t, QStringLiteral("dcgan_init"), tp, s.dcganInit);
    s.emaDecay = r.number(t, fields::emaDecay, tp);
    s.lrDecayTo = r.number(t, fields::lrDecayTo, tp);
    s.sampleEvery = r.integer(t, fields::sampleEvery, tp);
    s.device = r.string(t, QStringLiteral("device"), tp, s.device);
    const QString precision = r.string(t, QStringLiteral("precision"), tp, QStringLiteral("fp32"));
    if (precision == QLatin1String("bf16"))
        s.precision = Precision::Bf16;
    else if (precision != QLatin1String("fp32"))
        r.error(QStringLiteral("training.precision"), Text::tr("expected \"fp32\" or \"bf16\", not \"%1\"").arg(precision));
    return result;
}

ParseResult fromBytes(const QByteArray &bytes, const QString &source)
{
    QJsonParseError error;
    const QJsonDocument doc = QJsonDocument::fromJson(bytes, &error);
    if (error.error != QJsonParseError::NoError || !doc.isObject()) {
        ParseResult r;
        r.errors << Text::tr("%1: not valid JSON (%2 at byte %3)")
                        .arg(source, doc.isNull() ? error.errorString() : Text::tr("top level is not an object"))
                        .arg(error.offset);
        return r;
    }
    ParseResult r = fromJson(doc.object());
    for (QString &e : r.errors)
        e = source + QStringLiteral(": ") + e;
    return r;
}

ParseResult fromFile(const QString &path)
{
    // Experiments are small: refuse folders, devices (/dev/zero never ends) and anything absurd
    // before reading it whole.
    constexpr qint64 kMaxBytes = 16 * 1024 * 1024;
    if (const QString e = inputfile::check(path, Text::tr("an experiment file (.json)"), kMaxBytes); !e.isEmpty()) {
        ParseResult r;
        r.errors << e;
        return r;
    }
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        ParseResult r;
        r.errors << Text::tr("%1: cannot open (%2)").arg(path, file.errorString());
        return r;
    }
    return fromBytes(file.read(kMaxBytes + 1), path);
}

QString writeFile(const ExperimentSpec &spec, const QString &path)
{
    return atomicfile::write(path, toBytes(spec), Text::tr("experiment file"));
}

}  // namespace specjson
