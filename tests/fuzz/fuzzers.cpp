#include "fuzzers.h"

#include "data/idxfile.h"
#include "data/imagefolder.h"
#include "data/synthetic2d.h"
#include "eval/latentdirections.h"
#include "io/torcharchive.h"
#include "spec/shapeinference.h"
#include "spec/specjson.h"
#include "training/steprecord.h"

#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QHash>
#include <QStandardPaths>
#include <QString>

#include <unistd.h>

namespace {
// A folder of this process's own for the parsers that read files (on tmpfs where there is one).
QString scratch()
{
    static const QString dir = [] {
        const QString base = QDir(QStringLiteral("/dev/shm")).exists() ? QStringLiteral("/dev/shm") : QDir::tempPath();
        const QString d = QDir(base).filePath(QStringLiteral("gp-fuzz-%1").arg(::getpid()));
        QDir().mkpath(d);
        return d;
    }();
    return dir;
}

QString writeScratch(const QString &name, const std::uint8_t *data, std::size_t size)
{
    const QString path = QDir(scratch()).filePath(name);
    QFile f(path);
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    return path;
}

QByteArray bytes(const std::uint8_t *data, std::size_t size) { return QByteArray(reinterpret_cast<const char *>(data), qsizetype(size)); }
}  // namespace

namespace fuzzers {

int experiment(const std::uint8_t *data, std::size_t size)
{
    const specjson::ParseResult r = specjson::fromBytes(bytes(data, size), QStringLiteral("fuzz.json"));
    if (r.ok()) {
        // What the designer does with an experiment it opened: shapes, parameters, memory.
        ShapeInference::analyze(r.spec, Shape{1, 28, 28}, std::int64_t(1) << 30);
        ShapeInference::analyze(r.spec, Shape{2}, std::int64_t(1) << 30);
        specjson::toBytes(r.spec);
    }
    return 0;
}

int idx(const std::uint8_t *data, std::size_t size)
{
    const QString path = writeScratch(QStringLiteral("data.idx"), data, size);
    idxfile::IdxArray array;
    QString error;
    std::vector<std::int64_t> dims;
    if (idxfile::readHeader(path, &dims, &error))
        idxfile::imageShape(dims, path, &error);
    idxfile::read(path, &array, &error, {}, 1000);
    return 0;
}

int csv2d(const std::uint8_t *data, std::size_t size)
{
    csvpoints::load(writeScratch(QStringLiteral("points.csv"), data, size), 100000);
    return 0;
}

int image(const std::uint8_t *data, std::size_t size)
{
    // One file in a folder of its own, as an image folder holds it (the reader goes by content).
    const QString folder = QDir(scratch()).filePath(QStringLiteral("images"));
    QDir().mkpath(folder);
    QFile f(QDir(folder).filePath(QStringLiteral("a.png")));
    if (f.open(QIODevice::WriteOnly | QIODevice::Truncate))
        f.write(reinterpret_cast<const char *>(data), qint64(size));
    f.close();
    imagefolder::load(folder, 16, false, 4);
    imagefolder::classNames(folder);
    return 0;
}

int checkpoint(const std::uint8_t *data, std::size_t size)
{
    torcharchive::read(QByteArrayView(reinterpret_cast<const char *>(data), qsizetype(size)));
    return 0;
}

int pickle(const std::uint8_t *data, std::size_t size)
{
    const QByteArray input = bytes(data, size);
    const qsizetype newline = input.indexOf('\n');
    QHash<QString, qint64> records;
    if (newline >= 0)
        for (const QByteArray &entry : input.left(newline).split(',')) {
            const QList<QByteArray> parts = entry.split(':');
            if (parts.size() == 2)
                records.insert(QString::fromLatin1(parts[0]), parts[1].toLongLong());
        }
    const std::function<qint64(const QString &)> recordSize = [&](const QString &key) { return records.value(key, -1); };
    torcharchive::readPickle(QByteArrayView(input).sliced(newline + 1), QStringLiteral("archive/data.pkl"), recordSize);
    return 0;
}

int metrics(const std::uint8_t *data, std::size_t size)
{
    steprecords::qualityFromCsv(bytes(data, size));
    return 0;
}

int directions(const std::uint8_t *data, std::size_t size)
{
    // What the explorer and `walk --directions` do with a file they read: label and rewrite it.
    const latentdirections::Result r = latentdirections::fromJson(bytes(data, size), QStringLiteral("fuzz.json"));
    if (r.ok()) {
        for (int i = 0; i < int(r.directions.size()); ++i)
            latentdirections::label(r, i);
        latentdirections::toJson(r);
    }
    return 0;
}

}  // namespace fuzzers
