#include "filekind.h"

#include <QCoreApplication>
#include <QFile>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>

namespace {
// Messages a user reads: translated (context "FileKind").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(FileKind)
};

constexpr qint64 kMaxJson = qint64(16) << 20;  // the size limit of an experiment file

bool isNumberLine(const QByteArray &line)
{
    const QList<QByteArray> cells = line.trimmed().split(',');
    if (cells.size() < 2)
        return false;
    for (const QByteArray &cell : cells) {
        bool ok = false;
        cell.trimmed().toDouble(&ok);
        if (!ok)
            return false;
    }
    return true;
}
}  // namespace

namespace filekind {

Kind of(const QString &path)
{
    const QFileInfo info(path);
    if (!info.isFile() || info.size() == 0)
        return Kind::None;
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return Kind::Other;
    const QByteArray head = file.peek(4096);
    if (head.startsWith("PK\x03\x04") || head.startsWith("PK\x05\x06"))
        return Kind::Checkpoint;
    if (head.startsWith("\x89PNG") || head.startsWith("GIF8"))
        return Kind::Image;
    if (head.size() >= 4 && head[0] == 0 && head[1] == 0 && head[3] >= 1 && head[3] <= 4)
        return Kind::Idx;
    if (head.startsWith("step,loss_d"))
        return Kind::Metrics;
    if (head.trimmed().startsWith('{') && info.size() <= kMaxJson) {
        const QJsonObject o = QJsonDocument::fromJson(file.readAll()).object();
        const QString format = o.value(QStringLiteral("format")).toString();
        if (format == QLatin1String("gan-playground-experiment"))
            return Kind::Experiment;
        if (format == QLatin1String("gan-playground-directions"))
            return Kind::Directions;
        return Kind::Other;
    }
    if (isNumberLine(head.left(head.indexOf('\n'))))
        return Kind::Points;
    return Kind::Other;
}

QString describe(Kind kind)
{
    switch (kind) {
    case Kind::None:
        return Text::tr("nothing");
    case Kind::Checkpoint:
        return Text::tr("a checkpoint (or another zip archive)");
    case Kind::Experiment:
        return Text::tr("an experiment");
    case Kind::Directions:
        return Text::tr("latent directions");
    case Kind::Metrics:
        return Text::tr("a run's metrics");
    case Kind::Image:
        return Text::tr("an image");
    case Kind::Idx:
        return Text::tr("IDX data");
    case Kind::Points:
        return Text::tr("a CSV of points");
    case Kind::Other:
        return Text::tr("a file of another kind");
    }
    return QString();
}

}  // namespace filekind
