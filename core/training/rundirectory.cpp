#include "rundirectory.h"

#include "io/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>

namespace {
// Messages a user reads: translated (context "RunDirectory").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RunDirectory)
};
}  // namespace

RunDirectory::RunDirectory(QString path) : m_path(std::move(path)) {}

QString RunDirectory::create() const
{
    if (!QDir().mkpath(samplesDir()))
        return Text::tr("%1: cannot create the run folder; choose a writable location").arg(m_path);
    return QString();
}

namespace {
const QStringList kSamplePattern = {QStringLiteral("step_*.png")};
}

QStringList RunDirectory::existingRunFiles() const
{
    QStringList found;
    for (const QString &file : {experimentPath(), checkpointPath(), metricsPath()})
        if (QFileInfo::exists(file))
            found << QFileInfo(file).fileName();
    if (!QDir(samplesDir()).entryList(kSamplePattern, QDir::Files).isEmpty())
        found << QStringLiteral("samples/");
    return found;
}

QString RunDirectory::removeRunFiles() const
{
    QStringList files = {checkpointPath(), metricsPath(), experimentPath()};
    const QDir samples(samplesDir());
    for (const QString &name : samples.entryList(kSamplePattern, QDir::Files))
        files << samples.filePath(name);
    for (const QString &file : files)
        if (QFileInfo::exists(file) && !QFile::remove(file))
            return Text::tr("%1: cannot remove it to make room for the new run; check the folder's permissions").arg(file);
    return QString();
}

bool RunDirectory::isSameFolder(const QString &other) const
{
    const QString a = QFileInfo(m_path).canonicalFilePath(), b = QFileInfo(other).canonicalFilePath();
    return a.isEmpty() || b.isEmpty() ? QDir::cleanPath(QFileInfo(m_path).absoluteFilePath()) == QDir::cleanPath(QFileInfo(other).absoluteFilePath())
                                      : a == b;
}

QString RunDirectory::experimentPath() const { return QDir(m_path).filePath(QStringLiteral("experiment.json")); }
QString RunDirectory::checkpointPath() const { return QDir(m_path).filePath(QStringLiteral("checkpoint.pt")); }
QString RunDirectory::metricsPath() const { return QDir(m_path).filePath(QStringLiteral("metrics.csv")); }
QString RunDirectory::samplesDir() const { return QDir(m_path).filePath(QStringLiteral("samples")); }

QString RunDirectory::samplePath(std::int64_t step) const
{
    return QDir(samplesDir()).filePath(QStringLiteral("step_%1.png").arg(step, 6, 10, QLatin1Char('0')));
}

QString RunDirectory::startMetrics(const std::vector<StepRecord> &history)
{
    m_metrics.reset();
    m_pending.clear();
    std::vector<QualityRecord> quality;
    if (QFile old(metricsPath()); !history.empty() && old.open(QIODevice::ReadOnly))
        quality = steprecords::qualityFromCsv(old.readAll());
    const QByteArray text = steprecords::csv(history, quality);
    if (const QString e = atomicfile::write(metricsPath(), text, Text::tr("metrics file")); !e.isEmpty())
        return e;
    m_metrics = std::make_unique<QFile>(metricsPath());
    if (!m_metrics->open(QIODevice::Append | QIODevice::Unbuffered)) {
        const QString error = Text::tr("%1: cannot append (%2)").arg(metricsPath(), m_metrics->errorString());
        m_metrics.reset();
        return error;
    }
    return QString();
}

void RunDirectory::appendMetrics(const StepRecord &record, const QualityRecord *quality)
{
    m_pending += steprecords::csvRow(record, quality);
}

QString RunDirectory::flushMetrics()
{
    if (m_pending.isEmpty())
        return QString();
    if (!m_metrics)
        return Text::tr("%1: not open").arg(metricsPath());
    qint64 written = 0;
    const QString cause = atomicfile::writeAll(*m_metrics, m_pending, &written, m_pending.size());
    m_pending.clear();
    if (!cause.isEmpty()) {
        m_metrics.reset();  // a cut row may end the file; a resumed run rewrites it from its checkpoint
        return Text::tr("%1: %2; the file may end in a cut row (resuming rewrites it from the checkpoint). "
                              "Free some space or choose another folder.")
            .arg(metricsPath(), cause);
    }
    return QString();
}
