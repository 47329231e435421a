#include "rundirectory.h"

#include "io/atomicfile.h"

#include <QCoreApplication>
#include <QDir>
#include <QFileInfo>
#include <QJsonDocument>
#include <QJsonObject>
#include <QUuid>

#include <algorithm>

namespace {
// Messages a user reads: translated (context "RunDirectory").
struct Text {
    Q_DECLARE_TR_FUNCTIONS(RunDirectory)
};
}  // namespace

RunDirectory::RunDirectory(QString path) : m_path(std::move(path)) {}

namespace {
const QStringList kSamplePattern = {QStringLiteral("step_*.png")};
constexpr qint64 kHeaderBytes = 1024;  // the header row is about 150 characters
// A metrics row: 18 numbers of at most 25 characters ("-1.2345678901234567e-308") and commas.
constexpr qint64 kMaxRowBytes = 512;
}

QString RunDirectory::create() const
{
    const QFileInfo samples(samplesDir());
    // The run writes only inside its folder: its sample grids may not go through a link to
    // another folder, and none of its files may be a link or a device (checked below).
    if (samples.isSymLink())
        return Text::tr("%1: is a symbolic link; a run keeps its sample grids in a folder of its own. Remove the link and try again")
            .arg(samplesDir());
    if (samples.exists() && !samples.isDir())
        return Text::tr("%1: is a file where the run keeps its sample grids (a folder samples/); move it away or choose "
                        "another folder")
            .arg(samplesDir());
    if (!QDir().mkpath(samplesDir()))
        return Text::tr("%1: cannot create the run folder; choose a writable location").arg(m_path);
    QStringList files = {experimentPath(), checkpointPath(), metricsPath()};
    const QDir sampleDir(samplesDir());
    for (const QString &name : sampleDir.entryList(kSamplePattern, QDir::AllEntries | QDir::System | QDir::Hidden))
        files << sampleDir.filePath(name);
    for (const QString &file : files)
        if (const QString e = atomicfile::checkTarget(file, atomicfile::Links::Refuse); !e.isEmpty())
            return e;
    return QString();
}

QString RunDirectory::lock()
{
    if (m_lock)
        return QString();
    if (QFileInfo(m_path).exists() && !QFileInfo(m_path).isDir())
        return Text::tr("%1: is a file, not a folder; choose a folder for the run").arg(m_path);
    if (!QDir().mkpath(m_path))
        return Text::tr("%1: cannot create the run folder; choose a writable location").arg(m_path);
    auto lock = std::make_unique<QLockFile>(QDir(m_path).filePath(QStringLiteral(".lock")));
    lock->setStaleLockTime(0);  // a live writer holds it for hours; a dead one's lock is still taken over
    if (lock->tryLock(0)) {
        m_lock = std::move(lock);
        return QString();
    }
    qint64 pid = 0;
    QString host, application;
    if (lock->error() == QLockFile::LockFailedError && lock->getLockInfo(&pid, &host, &application))
        return Text::tr("%1: another process is writing this run (%2, process %3 on %4); wait for it to end or stop it, "
                        "then try again")
            .arg(m_path, application)
            .arg(pid)
            .arg(host);
    return Text::tr("%1: cannot lock the run folder (%2); choose a writable location")
        .arg(m_path, lock->error() == QLockFile::PermissionError ? Text::tr("permission denied") : Text::tr("unknown error"));
}

QStringList RunDirectory::existingRunFiles() const
{
    QStringList found;
    for (const QString &file : {experimentPath(), checkpointPath(), metricsPath(), runInfoPath()})
        if (QFileInfo::exists(file))
            found << QFileInfo(file).fileName();
    if (!QDir(samplesDir()).entryList(kSamplePattern, QDir::Files).isEmpty())
        found << QStringLiteral("samples/");
    return found;
}

QString RunDirectory::removeRunFiles() const
{
    // The measures written beside a run (train --eval-every on 2D data, a sweep's evaluate)
    // belong to it and go with it.
    QStringList files = {checkpointPath(), metricsPath(), experimentPath(), runInfoPath(),
                         QDir(m_path).filePath(QStringLiteral("measures.csv")), QDir(m_path).filePath(QStringLiteral("evaluation.json"))};
    const QDir samples(samplesDir());
    for (const QString &name : samples.entryList(kSamplePattern, QDir::Files))
        files << samples.filePath(name);
    for (const QString &file : files)
        if (QFileInfo::exists(file) && !QFile::remove(file))
            return Text::tr("%1: cannot remove it to make room for the new run; check the folder's permissions").arg(file);
    return QString();
}

bool RunDirectory::isRunFile(const QString &path)
{
    const QFileInfo info(path);
    const QString name = info.fileName();
    const QDir folder = info.absoluteDir();
    if (name == QLatin1String("experiment.json") || name == QLatin1String("checkpoint.pt") || name == QLatin1String("metrics.csv")
        || name == QLatin1String("run.json") || name == QLatin1String("measures.csv") || name == QLatin1String("evaluation.json"))
        return !RunDirectory(folder.path()).existingRunFiles().isEmpty();
    if (QDir::match(kSamplePattern, name) && folder.dirName() == QLatin1String("samples")) {
        QDir parent = folder;
        return parent.cdUp() && !RunDirectory(parent.path()).existingRunFiles().isEmpty();
    }
    return false;
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
QString RunDirectory::runInfoPath() const { return QDir(m_path).filePath(QStringLiteral("run.json")); }

QString RunDirectory::writeRunInfo(std::int64_t targetSteps, int processes, const QString &runId) const
{
    QJsonObject o;
    o[QStringLiteral("format")] = QStringLiteral("gan-playground-run");
    o[QStringLiteral("version")] = 1;
    o[QStringLiteral("target_steps")] = qint64(targetSteps);
    o[QStringLiteral("processes")] = processes;
    o[QStringLiteral("run_id")] = runId;
    return atomicfile::write(runInfoPath(), QJsonDocument(o).toJson(), Text::tr("run information"), atomicfile::Links::Refuse);
}

RunDirectory::RunInfo RunDirectory::readRunInfo(const QString &folder)
{
    RunInfo info;
    QFile f(RunDirectory(folder).runInfoPath());
    if (!f.open(QIODevice::ReadOnly) || f.size() > 4096)
        return info;
    const QJsonObject o = QJsonDocument::fromJson(f.readAll()).object();
    if (o.value(QStringLiteral("format")).toString() != QLatin1String("gan-playground-run"))
        return info;
    info.targetSteps = std::max<qint64>(0, o.value(QStringLiteral("target_steps")).toInteger());
    info.runId = o.value(QStringLiteral("run_id")).toString().left(64);
    return info;
}

QString RunDirectory::newRunId() { return QUuid::createUuid().toString(QUuid::WithoutBraces); }
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
    // The old file is read for the quality figures of the steps the checkpoint holds: only as
    // far as their rows can reach (a number takes at most 25 characters), so that a file grown
    // past them (a run killed after its last checkpoint) or any other large file costs no more.
    // create() has refused a link, a pipe or a device in its place.
    if (QFile old(metricsPath()); !history.empty() && QFileInfo(metricsPath()).isFile() && old.open(QIODevice::ReadOnly)) {
        QByteArray text = old.read(kHeaderBytes + qint64(history.size() + 1) * kMaxRowBytes);
        if (!old.atEnd())
            text.truncate(text.lastIndexOf('\n') + 1);  // whole rows only
        quality = steprecords::qualityFromCsv(text);
    }
    const QByteArray text = steprecords::csv(history, quality);
    if (const QString e = atomicfile::write(metricsPath(), text, Text::tr("metrics file"), atomicfile::Links::Refuse); !e.isEmpty())
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
