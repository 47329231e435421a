#include "presets.h"

#include "specjson.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>

namespace {
// Messages a user reads: translated (context "PresetFiles").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(PresetFiles)
};
}  // namespace

namespace presets {

QStringList names()
{
    QStringList out;
    for (const QString &file : QDir(QStringLiteral(":/presets")).entryList({QStringLiteral("*.json")}, QDir::Files, QDir::Name))
        out << file.chopped(5);
    return out;
}

QString load(const QString &name, ExperimentSpec *spec)
{
    QFile file(QStringLiteral(":/presets/%1.json").arg(name));
    if (!file.open(QIODevice::ReadOnly))
        return Text::tr("no preset named \"%1\" (presets: %2)").arg(name, names().join(QStringLiteral(", ")));
    const specjson::ParseResult r = specjson::fromBytes(file.readAll(), Text::tr("preset %1").arg(name));
    if (!r.ok())
        return r.errors.join(QLatin1Char('\n'));
    *spec = r.spec;
    return QString();
}

QString defaultName()
{
    return QStringLiteral("dcgan-fashion");
}

}  // namespace presets
