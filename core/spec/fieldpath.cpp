#include "fieldpath.h"

#include "specjson.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

namespace fieldpath {

namespace {

struct Text {
    Q_DECLARE_TR_FUNCTIONS(fieldpath)
};

// "generator.layers[g3].out" -> {generator}, {layers, g3}, {out}.
struct Segment {
    QString name;
    QString index;  // the bracket's content, empty without one
    bool indexed = false;
};

bool split(const QString &key, std::vector<Segment> *segments)
{
    static const QRegularExpression part(QStringLiteral("^([A-Za-z0-9_]+)(?:\\[([A-Za-z0-9_]+)\\])?$"));
    if (key.isEmpty())
        return false;
    for (const QString &p : key.split(QLatin1Char('.'))) {
        const QRegularExpressionMatch m = part.match(p);
        if (!m.hasMatch())
            return false;
        segments->push_back(Segment{m.captured(1), m.captured(2), m.capturedLength(2) > 0});
    }
    return true;
}

QStringList keysOf(const QJsonObject &o)
{
    QStringList keys = o.keys();
    keys.sort();
    return keys;
}

// The place in `array` a bracket names: a position, or a layer's id.
int arrayIndex(const QJsonArray &array, const QString &index)
{
    bool number = false;
    const int at = index.toInt(&number);
    if (number)
        return at >= 0 && at < array.size() ? at : -1;
    for (int i = 0; i < array.size(); ++i)
        if (array[i].toObject().value(QStringLiteral("id")).toString() == index)
            return i;
    return -1;
}

QString unknownAt(const QString &key, const QString &where, const QStringList &known)
{
    return Text::tr("%1: the experiment has no field \"%2\" (known there: %3)").arg(key, where, known.join(QStringLiteral(", ")));
}

// Walks to the field and reads (value == nullptr) or writes it. The top object and any it holds
// are rebuilt on the way back, as QJsonObject values are copies.
QString visit(QJsonObject &object, const std::vector<Segment> &path, size_t at, const QString &key, const QString *value,
              QJsonValue *found)
{
    const Segment &s = path[at];
    const bool last = at + 1 == path.size() && !s.indexed;
    if (!object.contains(s.name)) {
        // The conditioning object is written only for conditional experiments: a sweep may make
        // one conditional ("conditioning.kind=concat"); its other fields take their defaults.
        if (value && s.name == QLatin1String("conditioning") && at == 0)
            object.insert(s.name, QJsonObject{{QStringLiteral("kind"), QStringLiteral("none")}});
        else if (!(last && value))  // a new leaf is the parser's to accept or refuse
            return unknownAt(key, s.name, keysOf(object));
    }
    if (last) {
        const QJsonValue old = object.value(s.name);
        if (!value) {
            *found = old;
            return QString();
        }
        QJsonValue v;
        const QString text = value->trimmed();
        bool number = false;
        const double x = text.toDouble(&number);
        if (old.isString()) {
            v = text;
        } else if (old.isDouble()) {
            if (!number)
                return Text::tr("%1: expected a number, not \"%2\"").arg(key, text);
            v = x;
        } else if (old.isBool()) {
            if (text != QLatin1String("true") && text != QLatin1String("false"))
                return Text::tr("%1: expected true or false, not \"%2\"").arg(key, text);
            v = text == QLatin1String("true");
        } else if (old.isUndefined()) {
            v = number ? QJsonValue(x) : text == QLatin1String("true") ? QJsonValue(true)
                : text == QLatin1String("false")                       ? QJsonValue(false)
                                                                       : QJsonValue(text);
        } else {
            return Text::tr("%1: a list or a group of fields, not one value; name a field inside it").arg(key);
        }
        object.insert(s.name, v);
        return QString();
    }
    QJsonValue child = object.value(s.name);
    if (s.indexed) {
        if (!child.isArray())
            return Text::tr("%1: \"%2\" is not a list").arg(key, s.name);
        QJsonArray array = child.toArray();
        const int i = arrayIndex(array, s.index);
        if (i < 0)
            return Text::tr("%1: \"%2\" has no entry \"%3\" (give a position from 0 to %4 or a layer's id)")
                .arg(key, s.name, s.index)
                .arg(array.size() - 1);
        if (at + 1 == path.size())
            return Text::tr("%1: a list entry, not one value; name a field inside it").arg(key);
        QJsonObject entry = array[i].toObject();
        const QString e = visit(entry, path, at + 1, key, value, found);
        if (!e.isEmpty())
            return e;
        array[i] = entry;
        object.insert(s.name, array);
        return QString();
    }
    if (!child.isObject())
        return Text::tr("%1: \"%2\" holds one value; it has no fields").arg(key, s.name);
    QJsonObject inner = child.toObject();
    const QString e = visit(inner, path, at + 1, key, value, found);
    if (!e.isEmpty())
        return e;
    object.insert(s.name, inner);
    return QString();
}

QString walk(QJsonObject &root, const QString &key, const QString *value, QJsonValue *found)
{
    std::vector<Segment> path;
    if (!split(key, &path))
        return Text::tr("\"%1\" is not a field's name: give it as the experiment file names it, such as loss.kind, "
                        "optimizers.generator.lr or generator.layers[g1].out")
            .arg(key);
    for (const char *fixed : {"format", "version"})
        if (path.front().name == QLatin1String(fixed))
            return Text::tr("%1: the file's format is not a setting").arg(key);
    return visit(root, path, 0, key, value, found);
}

}  // namespace

QString get(const ExperimentSpec &spec, const QString &key, QString *error)
{
    QJsonObject root = specjson::toJson(spec);
    QJsonValue found;
    const QString e = walk(root, key, nullptr, &found);
    if (error)
        *error = e;
    if (!e.isEmpty())
        return QString();
    if (found.isString())
        return found.toString();
    if (found.isBool())
        return found.toBool() ? QStringLiteral("true") : QStringLiteral("false");
    if (found.isDouble())
        return QString::number(found.toDouble(), 'g', 10);
    if (found.isUndefined())
        return QString();
    // A group: its compact JSON.
    return QString::fromUtf8(found.isArray() ? QJsonDocument(found.toArray()).toJson(QJsonDocument::Compact)
                                             : QJsonDocument(found.toObject()).toJson(QJsonDocument::Compact));
}

QString set(ExperimentSpec *spec, const QString &key, const QString &value)
{
    QJsonObject root = specjson::toJson(*spec);
    QJsonValue unused;
    if (const QString e = walk(root, key, &value, &unused); !e.isEmpty())
        return e;
    specjson::ParseResult parsed = specjson::fromJson(root);
    if (!parsed.ok())
        return Text::tr("%1=%2: %3").arg(key, value, parsed.errors.join(QStringLiteral("; ")));
    *spec = parsed.spec;
    return QString();
}

QStringList commonKeys()
{
    return {QStringLiteral("loss.kind"),
            QStringLiteral("loss.r1_gamma"),
            QStringLiteral("loss.gp_lambda"),
            QStringLiteral("loss.label_smoothing"),
            QStringLiteral("loss.instance_noise"),
            QStringLiteral("optimizers.generator.lr"),
            QStringLiteral("optimizers.discriminator.lr"),
            QStringLiteral("training.batch_size"),
            QStringLiteral("training.d_steps_per_g"),
            QStringLiteral("training.ema_decay"),
            QStringLiteral("latent.size")};
}

}  // namespace fieldpath
